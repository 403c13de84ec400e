using System.Text.RegularExpressions;

namespace Vigil.Csaf.Validation;

/// <summary>The syntax of a package URL: <c>pkg:type/namespace/name@version?qualifiers#subpath</c>.</summary>
internal static partial class PackageUrlSyntax
{
    /// <summary>What is wrong with a purl, or null when it is well formed.</summary>
    public static string? Problem(string purl)
    {
        if (!purl.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase)) { return "the scheme is not pkg"; }
        var rest = purl[4..].TrimStart('/');
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) { rest = rest[..hash]; }
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            var qualifiers = rest[(question + 1)..].Split('&');
            if (qualifiers.Any(q => !Qualifier().IsMatch(q))) { return "a qualifier is not key=value"; }
            rest = rest[..question];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) { return "there is no name"; }
        if (!PackageType().IsMatch(rest[..slash])) { return "the type is not valid"; }
        var path = rest[(slash + 1)..];
        var at = path.LastIndexOf('@');
        if (at >= 0) { path = path[..at]; }
        var name = path.TrimEnd('/').Split('/')[^1];
        return name.Length == 0 ? "there is no name" : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9.+-]*$")]
    private static partial Regex PackageType();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9.\\-_]*=.+$")]
    private static partial Regex Qualifier();
}
