namespace Vigil.Indicators.Patterns;

/// <summary>An object path such as <c>file:hashes.'SHA-256'</c> or <c>process:image_ref.name</c>.</summary>
/// <param name="ObjectType">The object type before the colon, for example <c>domain-name</c>.</param>
/// <param name="Steps">The property steps after the colon, in order.</param>
public sealed record ObjectPath(string ObjectType, IReadOnlyList<PathStep> Steps)
{
    /// <summary>
    /// The property part in a canonical form for lookups: keys joined by dots, list indexes as <c>[n]</c>,
    /// quoting dropped, so <c>hashes.'SHA-256'</c> reads <c>hashes.SHA-256</c>.
    /// </summary>
    public string PropertyKey => string.Concat(Steps.Select((step, i) =>
        step.IsIndex ? $"[{step.Name}]" : i == 0 ? step.Name : "." + step.Name));

    /// <inheritdoc />
    public override string ToString() => PatternFormatter.Format(this);
}

/// <summary>One step of an object path: a property key or a list index.</summary>
/// <param name="Name">The key, unquoted; or the index (a number or <c>*</c>).</param>
/// <param name="IsIndex">True for a list index step <c>[n]</c>.</param>
public sealed record PathStep(string Name, bool IsIndex);
