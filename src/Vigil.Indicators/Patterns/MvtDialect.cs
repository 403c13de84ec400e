namespace Vigil.Indicators.Patterns;

/// <summary>
/// Converts between the pattern dialect of the public mobile indicator sets (as read by the Mobile Verification
/// Toolkit) and spec-valid STIX 2.1. STIX 2.1 has no <c>file:path</c>, no app, configuration-profile or
/// android-property objects, and names hash algorithms from its vocabulary (<c>'SHA-256'</c>, not <c>sha256</c>).
/// Spec-valid output keeps the meaning with the forms the specification allows for what it does not define:
/// custom properties start with <c>x_</c> and custom object types with <c>x-</c>.
/// </summary>
public static class MvtDialect
{
    private static readonly Dictionary<string, string> CustomObjects = new(StringComparer.Ordinal)
    {
        ["app"] = "x-app",
        ["configuration-profile"] = "x-configuration-profile",
        ["android-property"] = "x-android-property",
    };

    private static readonly Dictionary<string, string> SpecHashNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["md5"] = "MD5", ["sha1"] = "SHA-1", ["sha256"] = "SHA-256", ["sha512"] = "SHA-512",
    };

    /// <summary>Rewrites a pattern in the mobile dialect as spec-valid STIX 2.1.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The converted pattern; the text unchanged when nothing needed converting.</returns>
    /// <exception cref="PatternSyntaxException">The pattern does not parse.</exception>
    public static string ToStix(string pattern) => Rewrite(pattern, ToStixPath);

    /// <summary>Rewrites a spec-valid pattern in the mobile dialect, undoing <see cref="ToStix"/>.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The converted pattern; the text unchanged when nothing needed converting.</returns>
    /// <exception cref="PatternSyntaxException">The pattern does not parse.</exception>
    public static string ToMvt(string pattern) => Rewrite(pattern, ToMvtPath);

    private static ObjectPath ToStixPath(ObjectPath path)
    {
        if (CustomObjects.TryGetValue(path.ObjectType, out var custom)) { return path with { ObjectType = custom }; }
        if (path.ObjectType != "file") { return path; }
        if (path.PropertyKey == "path") { return path with { Steps = [new PathStep("x_path", false)] }; }
        return IsHash(path, out var algorithm) && SpecHashNames.TryGetValue(algorithm.Replace("-", "", StringComparison.Ordinal), out var spec)
            ? path with { Steps = [path.Steps[0], new PathStep(spec, false)] }
            : path;
    }

    private static ObjectPath ToMvtPath(ObjectPath path)
    {
        var dialect = CustomObjects.FirstOrDefault(pair => pair.Value == path.ObjectType).Key;
        if (dialect is not null) { return path with { ObjectType = dialect }; }
        if (path.ObjectType != "file") { return path; }
        if (path.PropertyKey == "x_path") { return path with { Steps = [new PathStep("path", false)] }; }
        return IsHash(path, out var algorithm) && SpecHashNames.ContainsKey(algorithm.Replace("-", "", StringComparison.Ordinal))
            ? path with { Steps = [path.Steps[0], new PathStep(algorithm.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), false)] }
            : path;
    }

    private static bool IsHash(ObjectPath path, out string algorithm)
    {
        var isHash = path.Steps is [{ Name: "hashes", IsIndex: false }, { IsIndex: false }];
        algorithm = isHash ? path.Steps[1].Name : "";
        return isHash;
    }

    private static string Rewrite(string pattern, Func<ObjectPath, ObjectPath> convert)
    {
        var tree = PatternParser.Parse(pattern);
        var changed = false;
        var rewritten = Observation(tree, path =>
        {
            var converted = convert(path);
            changed |= PatternFormatter.Format(converted) != PatternFormatter.Format(path);
            return converted;
        });
        // Untouched patterns keep their author's spacing; changed ones are written in the formatter's canonical form.
        return changed ? PatternFormatter.Format(rewritten) : pattern;
    }

    private static ObservationExpression Observation(ObservationExpression e, Func<ObjectPath, ObjectPath> convert) => e switch
    {
        SimpleObservation s => s with { Comparison = Comparison(s.Comparison, convert) },
        CompositeObservation c => c with { Left = Observation(c.Left, convert), Right = Observation(c.Right, convert) },
        QualifiedObservation q => q with { Observation = Observation(q.Observation, convert) },
        _ => e,
    };

    private static ComparisonExpression Comparison(ComparisonExpression e, Func<ObjectPath, ObjectPath> convert) => e switch
    {
        CompositeComparison c => c with { Left = Comparison(c.Left, convert), Right = Comparison(c.Right, convert) },
        PropertyComparison p => p with { Path = convert(p.Path) },
        ExistsComparison x => x with { Path = convert(x.Path) },
        _ => e,
    };
}
