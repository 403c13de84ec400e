namespace Vigil.Domain.Versions;

/// <summary>The comparators of a <c>vers</c> constraint (vers specification, clause 5.3.3.1).</summary>
public enum VersionComparator
{
    /// <summary>The bare version: equal to it. Written without a symbol.</summary>
    Equal,

    /// <summary><c>!=</c>: excluded from the range.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>*</c>: every version; stands alone, without a version.</summary>
    Any,
}

/// <summary>Symbols and families of <see cref="VersionComparator"/>.</summary>
public static class VersionComparatorSymbols
{
    /// <summary>The symbol written before the version; empty for <see cref="VersionComparator.Equal"/>.</summary>
    public static string Symbol(this VersionComparator comparator) => comparator switch
    {
        VersionComparator.Equal => "",
        VersionComparator.NotEqual => "!=",
        VersionComparator.LessThan => "<",
        VersionComparator.LessOrEqual => "<=",
        VersionComparator.GreaterThan => ">",
        VersionComparator.GreaterOrEqual => ">=",
        VersionComparator.Any => "*",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, null),
    };

    /// <summary>True for <c>&lt;</c> and <c>&lt;=</c>, which close an interval from above.</summary>
    public static bool IsUpperBound(this VersionComparator comparator) =>
        comparator is VersionComparator.LessThan or VersionComparator.LessOrEqual;

    /// <summary>True for <c>&gt;</c> and <c>&gt;=</c>, which open an interval from below.</summary>
    public static bool IsLowerBound(this VersionComparator comparator) =>
        comparator is VersionComparator.GreaterThan or VersionComparator.GreaterOrEqual;

    /// <summary>True for the comparators that include their own version: bare, <c>&lt;=</c> and <c>&gt;=</c>.</summary>
    public static bool IncludesItsVersion(this VersionComparator comparator) =>
        comparator is VersionComparator.Equal or VersionComparator.LessOrEqual or VersionComparator.GreaterOrEqual;
}
