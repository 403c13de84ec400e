namespace Vigil.Domain.Versions;

/// <summary>The <c>vers</c> types Vigil can order, by name.</summary>
public static class VersionSchemes
{
    private static readonly VersionScheme[] Known =
    [
        new SemverVersionScheme(),
        new IntDotVersionScheme(),
        new LexicographicVersionScheme(),
        new DatetimeVersionScheme(),
        new SiemensVersionScheme(),
    ];

    /// <summary>
    /// Every registered type name Vigil can order versions of: what a note may use. Vigil's own <c>x-</c> types, which
    /// only readings of advisories' words produce, are not among them.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
        Known.SelectMany(s => s.Names).Where(n => !n.StartsWith("x-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The scheme for a <c>vers</c> type, or null when Vigil cannot order that type's versions.</summary>
    public static VersionScheme? Find(string type) =>
        Known.FirstOrDefault(s => s.Names.Contains(type, StringComparer.Ordinal));
}
