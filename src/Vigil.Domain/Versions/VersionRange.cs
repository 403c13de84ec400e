using System.Diagnostics.CodeAnalysis;

namespace Vigil.Domain.Versions;

/// <summary>
/// A <c>vers</c> version range (package-url/vers-spec): a type naming the versioning scheme, and constraints
/// sorted by version. <see cref="TryParse"/> is strict and never corrects its input; <see cref="Create"/> is the
/// way to build a canonical range from constraints in any order.
/// </summary>
public sealed class VersionRange
{
    private VersionRange(string type, IReadOnlyList<VersionConstraint> constraints)
    {
        Type = type;
        Constraints = constraints;
    }

    /// <summary>The <c>vers</c> type, lower-case, such as <c>semver</c> or <c>intdot</c>.</summary>
    public string Type { get; }

    /// <summary>The constraints in version order; a single <see cref="VersionComparator.Any"/> for <c>*</c>.</summary>
    public IReadOnlyList<VersionConstraint> Constraints { get; }

    /// <summary>The scheme that orders this range's versions, or null for a type Vigil cannot order.</summary>
    public VersionScheme? Scheme => VersionSchemes.Find(Type);

    /// <summary>
    /// The type of the range of all versions, <c>vers:all/*</c>: the form CSAF requires for "all versions", and the
    /// only one of its type. Every version is in it, whatever its scheme.
    /// </summary>
    public const string AllType = "all";

    /// <summary>True for <c>*</c> (such as <c>vers:all/*</c>): every version is in the range, whether or not its type can be ordered.</summary>
    public bool IsEveryVersion => Constraints is [{ Comparator: VersionComparator.Any }];

    /// <summary>Parses a canonical <c>vers</c> string; on failure, <paramref name="problem"/> says why.</summary>
    /// <remarks>A type Vigil cannot order is parsed for syntax alone; its order cannot be checked.</remarks>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionRange? range, [NotNullWhen(false)] out string? problem)
    {
        range = null;
        var parsed = VersRangeSyntax.Read(text, out var syntaxProblem);
        var scheme = parsed is null ? null : VersionSchemes.Find(parsed.Value.Type);
        problem = syntaxProblem
            ?? (parsed!.Value.Type == AllType && parsed.Value.Constraints is not [{ Comparator: VersionComparator.Any }]
                ? "The vers type \"all\" has one range only, vers:all/*." : null)
            ?? (scheme is null ? null : VersRangeRules.Problem(scheme, parsed!.Value.Constraints));
        if (problem is not null || parsed is null)
        {
            problem ??= "Not a version range.";
            return false;
        }

        range = new VersionRange(parsed.Value.Type, parsed.Value.Constraints);
        return true;
    }

    /// <summary>Parses a canonical <c>vers</c> string.</summary>
    /// <exception cref="FormatException">The string is not a valid range.</exception>
    public static VersionRange Parse(string text) =>
        TryParse(text, out var range, out var problem) ? range : throw new FormatException(problem);

    /// <summary>
    /// Builds the canonical range for constraints given in any order: validates each version, drops exact
    /// duplicates, sorts, and removes constraints made redundant by their neighbours (the specification's
    /// simplification), so that equal ranges are written alike.
    /// </summary>
    /// <exception cref="ArgumentException">The type is not one Vigil can order, or the constraints are contradictory.</exception>
    public static VersionRange Create(string type, IEnumerable<VersionConstraint> constraints)
    {
        var scheme = VersionSchemes.Find(type) ?? throw new ArgumentException($"Vigil cannot order versions of vers type \"{type}\".", nameof(type));
        var simplified = VersRangeSimplification.Simplify(scheme, constraints.Distinct().ToList(), out var problem);
        return simplified is null
            ? throw new ArgumentException(problem, nameof(constraints))
            : new VersionRange(type, simplified);
    }

    /// <summary>Rewrites a range (canonical or not) in its canonical form.</summary>
    /// <exception cref="FormatException">The string is not a readable range.</exception>
    public static VersionRange Normalize(string text)
    {
        var parsed = VersRangeSyntax.Read(text, out var problem) ?? throw new FormatException(problem);
        return Create(parsed.Type, parsed.Constraints);
    }

    /// <summary>
    /// Whether a version lies in the range, by the specification's containment procedure.
    /// </summary>
    /// <exception cref="NotSupportedException">Vigil cannot order this range's type.</exception>
    /// <exception cref="FormatException">The version is not a version of the range's scheme.</exception>
    public bool Contains(string version)
    {
        if (IsEveryVersion)
        {
            return true;
        }

        var scheme = Scheme ?? throw new NotSupportedException($"Vigil cannot order versions of vers type \"{Type}\".");
        return scheme.Problem(version) is { } problem
            ? throw new FormatException(problem)
            : VersRangeContainment.Contains(scheme, Constraints, version);
    }

    /// <summary>The canonical <c>vers</c> string.</summary>
    public override string ToString() => $"vers:{Type}/{string.Join('|', Constraints)}";
}
