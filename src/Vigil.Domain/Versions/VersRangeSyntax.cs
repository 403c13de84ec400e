namespace Vigil.Domain.Versions;

/// <summary>
/// The grammar of a <c>vers</c> string as the specification's "how to parse" lays it out: scheme, lower-case type,
/// then pipe-separated constraints, each a comparator and a percent-decoded version. Order is not checked here.
/// </summary>
internal static class VersRangeSyntax
{
    private const string Prefix = "vers:";

    public static (string Type, List<VersionConstraint> Constraints)? Read(string? text, out string? problem)
    {
        problem = Check(text);
        if (problem is not null)
        {
            return null;
        }

        var slash = text!.IndexOf('/', StringComparison.Ordinal);
        var type = text[Prefix.Length..slash];
        var body = text[(slash + 1)..];
        if (body == "*")
        {
            return (type, [new VersionConstraint(VersionComparator.Any, "")]);
        }

        var constraints = new List<VersionConstraint>();
        foreach (var segment in body.Split('|'))
        {
            var constraint = ReadConstraint(segment, out problem);
            if (constraint is null)
            {
                return null;
            }

            constraints.Add(constraint);
        }

        return (type, constraints);
    }

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "A version range starts with \"vers:\".";
        }

        if (text.Any(c => char.IsWhiteSpace(c) || c > '~'))
        {
            return "A version range is printable ASCII without whitespace (encode a space in a version as %20).";
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var type = slash < 0 ? "" : text[Prefix.Length..slash];
        if (type.Length == 0 || !char.IsAsciiLetterLower(type[0]) || !type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            return "The type after \"vers:\" is lower-case ASCII letters, digits, '.' and '-', starts with a letter and ends at '/'.";
        }

        if (type == "invalid")
        {
            return "The vers type \"invalid\" is reserved for ranges that are invalid by definition.";
        }

        var body = text[(slash + 1)..];
        return body.Length == 0 ? "A version range has at least one constraint."
            : body.StartsWith('|') || body.EndsWith('|') || body.Contains("||", StringComparison.Ordinal)
                ? "Constraints are separated by single pipes, with none leading or trailing."
            : body != "*" && body.Contains('*', StringComparison.Ordinal) ? "\"*\" stands alone: it cannot be combined with other constraints."
            : null;
    }

    private static VersionConstraint? ReadConstraint(string segment, out string? problem)
    {
        var (comparator, length) = segment switch
        {
            _ when segment.StartsWith(">=", StringComparison.Ordinal) => (VersionComparator.GreaterOrEqual, 2),
            _ when segment.StartsWith("<=", StringComparison.Ordinal) => (VersionComparator.LessOrEqual, 2),
            _ when segment.StartsWith("!=", StringComparison.Ordinal) => (VersionComparator.NotEqual, 2),
            _ when segment.StartsWith('<') => (VersionComparator.LessThan, 1),
            _ when segment.StartsWith('>') => (VersionComparator.GreaterThan, 1),
            _ => (VersionComparator.Equal, 0),
        };

        var encoded = segment[length..];
        problem = segment.StartsWith('=') ? $"\"{segment}\": equality is a bare version, without '='."
            : encoded.Length == 0 ? $"\"{segment}\" has no version."
            : encoded.IndexOfAny(['<', '>', '=', '!']) >= 0 ? $"\"{segment}\": comparator characters in a version are percent-encoded."
            : null;
        if (problem is not null)
        {
            return null;
        }

        var version = VersPercentEncoding.Decode(encoded, out problem);
        return version is null ? null : new VersionConstraint(comparator, version);
    }
}
