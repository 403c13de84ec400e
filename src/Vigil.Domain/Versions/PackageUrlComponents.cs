namespace Vigil.Domain.Versions;

/// <summary>The rules every purl component follows whatever its type (purl specification, clause 5), then the type's own.</summary>
internal static class PackageUrlComponents
{
    public static bool TryNormalise(string? type, string[] namespaceSegments, string? name, string? version,
        IReadOnlyDictionary<string, string?>? qualifiers, string?[] subpathSegments,
        out PackageUrl? purl, out string? problem, bool fromText = false)
    {
        purl = null;
        type = type?.ToLowerInvariant();
        var kept = subpathSegments.Where(s => s is { Length: > 0 } and not "." and not "..").ToArray();
        problem = TypeProblem(type)
            ?? (namespaceSegments.Any(s => s.Contains('/', StringComparison.Ordinal)) ? "A namespace segment cannot contain '/'." : null)
            ?? (string.IsNullOrEmpty(name) ? "A purl has a name." : null)
            ?? (fromText && name!.Contains('/', StringComparison.Ordinal) ? "A name cannot contain '/'." : null)
            ?? (kept.Any(s => s!.Contains('/', StringComparison.Ordinal)) ? "A subpath segment cannot contain '/'." : null);
        var sortedQualifiers = problem is null ? Qualifiers(qualifiers, out problem) : null;
        if (problem is not null)
        {
            return false;
        }

        var rule = PurlTypeRules.Find(type!);
        var candidate = new PurlComponents(
            type!,
            namespaceSegments.Length == 0 ? null : string.Join('/', namespaceSegments),
            name!,
            string.IsNullOrEmpty(version) ? null : version,
            sortedQualifiers!,
            kept.Length == 0 ? null : string.Join('/', kept));
        var normalised = rule is null ? candidate : rule.Apply(candidate, out problem);
        if (normalised is null)
        {
            return false;
        }

        purl = new PackageUrl(normalised.Type, normalised.Namespace, normalised.Name, normalised.Version, normalised.Qualifiers, normalised.Subpath);
        return true;
    }

    private static string? TypeProblem(string? type) =>
        string.IsNullOrEmpty(type) ? "A purl has a type."
        : !char.IsAsciiLetter(type[0]) || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            ? $"The type \"{type}\" is ASCII letters, digits, '.' and '-', starting with a letter."
        : null;

    private static SortedDictionary<string, string>? Qualifiers(IReadOnlyDictionary<string, string?>? given, out string? problem)
    {
        problem = null;
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in given ?? new Dictionary<string, string?>())
        {
            var key = rawKey.ToLowerInvariant();
            if (key.Length == 0 || !char.IsAsciiLetter(key[0]) || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                problem = $"The qualifier key \"{rawKey}\" is ASCII letters, digits, '.', '-' and '_', starting with a letter.";
                return null;
            }

            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!sorted.TryAdd(key, value))
            {
                problem = $"Qualifier \"{key}\" appears twice.";
                return null;
            }
        }

        return sorted;
    }
}

/// <summary>The components of a purl on their way to normalisation.</summary>
internal sealed record PurlComponents(
    string Type, string? Namespace, string Name, string? Version, IReadOnlyDictionary<string, string> Qualifiers, string? Subpath);
