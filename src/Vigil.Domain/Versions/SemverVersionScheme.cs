namespace Vigil.Domain.Versions;

/// <summary>
/// The <c>semver</c> type, and <c>npm</c>, whose versions are node-semver versions: Semantic Versioning 2.0.0,
/// read strictly (no leading <c>v</c> or <c>=</c>, which node-semver tolerates in ranges but npm never publishes).
/// </summary>
public sealed class SemverVersionScheme : VersionScheme
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = ["semver", "npm"];

    /// <inheritdoc/>
    public override string? Problem(string version)
    {
        SemanticVersion.TryParse(version, out var problem);
        return problem;
    }

    /// <inheritdoc/>
    public override int Compare(string left, string right) => Read(left).CompareTo(Read(right));

    private static SemanticVersion Read(string version) =>
        SemanticVersion.TryParse(version, out var problem) ?? throw new FormatException(problem);
}
