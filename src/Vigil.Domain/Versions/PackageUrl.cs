using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Vigil.Domain.Versions;

/// <summary>
/// A package URL (purl, package-url/purl-spec; ECMA-427): <c>pkg:type/namespace/name@version?qualifiers#subpath</c>.
/// Components are held decoded and normalised (lower-case type and qualifier keys, the type's own case rules);
/// <see cref="ToString"/> writes the one canonical string.
/// </summary>
public sealed class PackageUrl
{
    internal PackageUrl(string type, string? @namespace, string name, string? version,
        IReadOnlyDictionary<string, string> qualifiers, string? subpath)
    {
        Type = type;
        Namespace = @namespace;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        Subpath = subpath;
    }

    /// <summary>
    /// The types whose own rules (namespace requirement, case, name normalisation) Vigil applies. Other types are
    /// read with the rules common to all types only.
    /// </summary>
    public static IReadOnlyList<string> ImplementedTypes => PurlTypeRules.Names;

    /// <summary>The package type, lower-case, such as <c>npm</c> or <c>maven</c>.</summary>
    public string Type { get; }

    /// <summary>The namespace (segments joined by <c>/</c>), or null.</summary>
    public string? Namespace { get; }

    /// <summary>The package name.</summary>
    public string Name { get; }

    /// <summary>The version, or null.</summary>
    public string? Version { get; }

    /// <summary>Qualifiers by lower-case key, sorted by key; never holds an empty value.</summary>
    public IReadOnlyDictionary<string, string> Qualifiers { get; }

    /// <summary>The subpath (segments joined by <c>/</c>), or null.</summary>
    public string? Subpath { get; }

    /// <summary>
    /// Parses a purl string and normalises its components; on failure, <paramref name="problem"/> says why.
    /// Qualifier keys must already be lower-case, as the specification's required tests demand.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? problem) =>
        PackageUrlParser.TryParse(text, lenient: false, out purl, out problem);

    /// <summary>
    /// Parses like <see cref="TryParse"/> but also lower-cases qualifier keys, for purls copied from sources that
    /// write them in mixed case (the suite's "recommended" normalisations).
    /// </summary>
    public static bool TryParseLenient(string? text, [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? problem) =>
        PackageUrlParser.TryParse(text, lenient: true, out purl, out problem);

    /// <summary>Parses a purl string.</summary>
    /// <exception cref="FormatException">The string is not a valid purl.</exception>
    public static PackageUrl Parse(string text) =>
        TryParse(text, out var purl, out var problem) ? purl : throw new FormatException(problem);

    /// <summary>
    /// Builds a purl from its components, as the specification's "how to build" does: strips surrounding slashes,
    /// drops empty qualifier values and <c>.</c>/<c>..</c> subpath segments, applies the type's rules.
    /// </summary>
    public static bool TryCreate(string? type, string? @namespace, string? name, string? version,
        IReadOnlyDictionary<string, string?>? qualifiers, string? subpath,
        [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? problem)
    {
        var segments = @namespace?.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var subpathSegments = subpath?.Trim('/').Split('/') ?? [];
        return PackageUrlComponents.TryNormalise(type, segments, name?.Trim('/'), version, qualifiers, subpathSegments, out purl, out problem);
    }

    /// <summary>The canonical purl string.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("pkg:").Append(Type).Append('/');
        if (Namespace is not null)
        {
            builder.AppendJoin('/', Namespace.Split('/').Select(PurlPercentEncoding.Encode)).Append('/');
        }

        builder.Append(PurlPercentEncoding.Encode(Name));
        if (Version is not null)
        {
            builder.Append('@').Append(PurlPercentEncoding.Encode(Version));
        }

        if (Qualifiers.Count > 0)
        {
            builder.Append('?').AppendJoin('&', Qualifiers.Select(q => q.Key + "=" + PurlPercentEncoding.Encode(q.Value)));
        }

        if (Subpath is not null)
        {
            builder.Append('#').AppendJoin('/', Subpath.Split('/').Select(PurlPercentEncoding.Encode));
        }

        return builder.ToString();
    }
}
