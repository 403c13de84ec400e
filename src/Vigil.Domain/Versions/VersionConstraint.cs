namespace Vigil.Domain.Versions;

/// <summary>One constraint of a <c>vers</c> range: a comparator and a decoded version (empty for <c>*</c>).</summary>
/// <param name="Comparator">How the version bounds the range.</param>
/// <param name="Version">The version, percent-decoded.</param>
public sealed record VersionConstraint(VersionComparator Comparator, string Version)
{
    /// <summary>The constraint as written in a canonical <c>vers</c> string.</summary>
    public override string ToString() =>
        Comparator == VersionComparator.Any ? "*" : Comparator.Symbol() + VersPercentEncoding.Encode(Version);
}
