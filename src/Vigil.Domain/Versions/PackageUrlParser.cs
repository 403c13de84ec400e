namespace Vigil.Domain.Versions;

/// <summary>
/// Reads a purl string right to left as the specification's "how to parse" describes: subpath after <c>#</c>,
/// qualifiers after <c>?</c>, scheme and type, version after the last <c>@</c>, then name and namespace.
/// </summary>
internal static class PackageUrlParser
{
    public static bool TryParse(string? text, bool lenient, out PackageUrl? purl, out string? problem)
    {
        purl = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "A purl is not empty.";
            return false;
        }

        var (remainder, subpathText) = SplitRight(text, '#');
        (remainder, var qualifierText) = SplitRight(remainder, '?');

        var colon = remainder.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !remainder[..colon].Equals("pkg", StringComparison.OrdinalIgnoreCase))
        {
            problem = "A purl starts with the scheme \"pkg:\".";
            return false;
        }

        remainder = remainder[(colon + 1)..].TrimStart('/');
        var slash = remainder.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            problem = "A purl has a type and a name separated by '/'.";
            return false;
        }

        var type = remainder[..slash];
        remainder = remainder[(slash + 1)..].TrimEnd('/');

        // The version separator is looked for in the last segment only: an npm scope such as "@babel" may arrive
        // unencoded in the namespace, and an '@' there must not be taken for the version.
        var nameStart = remainder.LastIndexOf('/') + 1;
        var (nameText, versionText) = SplitRight(remainder[nameStart..], '@');
        remainder = remainder[..nameStart] + nameText;

        var decoded = new List<string?>();
        foreach (var part in remainder[..Math.Max(0, nameStart)].Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Append(remainder[nameStart..]).Append(versionText ?? ""))
        {
            decoded.Add(PurlPercentEncoding.Decode(part));
        }

        var subpath = subpathText?.Split('/').Select(PurlPercentEncoding.Decode).ToArray() ?? [];
        var qualifiers = ReadQualifiers(qualifierText, lenient, out problem);
        if (problem is null && (decoded.Any(d => d is null) || subpath.Any(s => s is null)))
        {
            problem = "A '%' in the purl does not start a percent-encoded triplet.";
        }

        if (problem is not null)
        {
            return false;
        }

        return PackageUrlComponents.TryNormalise(type, decoded.SkipLast(2).ToArray()!, decoded[^2],
            versionText is null ? null : decoded[^1], qualifiers, subpath!, out purl, out problem, fromText: true);
    }

    private static Dictionary<string, string?>? ReadQualifiers(string? text, bool lenient, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        var qualifiers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (!lenient && key.Any(char.IsAsciiLetterUpper))
            {
                problem = $"Qualifier key \"{key}\" is not lower-case, as a canonical purl writes it.";
                return null;
            }

            var value = equals < 0 ? "" : PurlPercentEncoding.Decode(pair[(equals + 1)..]);
            key = key.ToLowerInvariant();
            if (value is null || !qualifiers.TryAdd(key, value))
            {
                problem = value is null ? $"The value of qualifier \"{key}\" is not validly percent-encoded." : $"Qualifier \"{key}\" appears twice.";
                return null;
            }
        }

        return qualifiers;
    }

    private static (string Left, string? Right) SplitRight(string text, char separator)
    {
        var at = text.LastIndexOf(separator);
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }
}
