namespace Vigil.Domain.Versions;

/// <summary>Whether a purl type requires, forbids or merely allows a namespace.</summary>
internal enum PurlNamespaceRequirement
{
    Optional,
    Required,
    Prohibited,
}

/// <summary>
/// One registered purl type's rules as its definition in package-url/purl-spec (types/*-definition.json) states
/// them: namespace requirement, which components are case-insensitive (and so lower-cased), and any extra
/// normalisation of the name. Only the types listed in <see cref="PurlTypeRules.All"/> are implemented.
/// </summary>
internal sealed record PurlTypeRule(
    string Type,
    PurlNamespaceRequirement Namespace = PurlNamespaceRequirement.Optional,
    bool LowerCaseNamespace = false,
    bool LowerCaseName = false,
    bool VersionRequired = false,
    Func<string, string>? NormaliseName = null)
{
    public PurlComponents? Apply(PurlComponents purl, out string? problem)
    {
        problem = (Namespace, purl.Namespace) switch
        {
            (PurlNamespaceRequirement.Required, null) => $"A {Type} purl has a namespace.",
            (PurlNamespaceRequirement.Prohibited, not null) => $"A {Type} purl has no namespace.",
            _ => VersionRequired && purl.Version is null ? $"A {Type} purl has a version." : null,
        };
        if (problem is not null)
        {
            return null;
        }

        var name = LowerCaseName ? purl.Name.ToLowerInvariant() : purl.Name;
        return purl with
        {
            Namespace = LowerCaseNamespace ? purl.Namespace?.ToLowerInvariant() : purl.Namespace,
            Name = NormaliseName is null ? name : NormaliseName(name),
        };
    }
}

/// <summary>The purl types Vigil implements, with their rules.</summary>
internal static class PurlTypeRules
{
    public static IReadOnlyList<PurlTypeRule> All { get; } =
    [
        new("generic"),
        new("npm", LowerCaseNamespace: true, LowerCaseName: true),
        new("pypi", PurlNamespaceRequirement.Prohibited, LowerCaseName: true, NormaliseName: name => name.Replace('_', '-')),
        new("maven", PurlNamespaceRequirement.Required),
        new("nuget", PurlNamespaceRequirement.Prohibited),
        new("golang", PurlNamespaceRequirement.Required, LowerCaseNamespace: true, LowerCaseName: true),
        new("github", PurlNamespaceRequirement.Required, LowerCaseNamespace: true, LowerCaseName: true),
        new("bitbucket", PurlNamespaceRequirement.Required, LowerCaseNamespace: true, LowerCaseName: true),
        new("cargo", PurlNamespaceRequirement.Prohibited),
        new("gem", PurlNamespaceRequirement.Prohibited),
        new("composer", PurlNamespaceRequirement.Required, LowerCaseNamespace: true, LowerCaseName: true),
        new("deb", PurlNamespaceRequirement.Required, LowerCaseNamespace: true, LowerCaseName: true, VersionRequired: true),
        new("rpm", LowerCaseNamespace: true),
        new("apk", PurlNamespaceRequirement.Required, LowerCaseNamespace: true, LowerCaseName: true),
        new("docker"),
        new("oci", PurlNamespaceRequirement.Prohibited, LowerCaseName: true),
        new("hex", LowerCaseNamespace: true, LowerCaseName: true),
        new("cocoapods", PurlNamespaceRequirement.Prohibited),
        new("swift", PurlNamespaceRequirement.Required),
    ];

    /// <summary>Every implemented type name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(r => r.Type).Order(StringComparer.Ordinal).ToArray();

    public static PurlTypeRule? Find(string type) => All.FirstOrDefault(r => r.Type == type);
}
