namespace Vigil.Indicators.Stix;

/// <summary>A STIX 2.1 bundle: a container of objects.</summary>
/// <param name="Id">The bundle id, <c>bundle--UUID</c>.</param>
/// <param name="Objects">The objects, in order.</param>
public sealed record StixBundle(string Id, IReadOnlyList<StixObject> Objects)
{
    /// <summary>The objects of one type.</summary>
    /// <typeparam name="T">The object type, for example <see cref="StixIndicator"/>.</typeparam>
    /// <returns>The objects of that type, in bundle order.</returns>
    public IEnumerable<T> OfType<T>() where T : StixObject => Objects.OfType<T>();

    /// <summary>Makes a new identifier for an object of a type: the type, two dashes and a random (version 4) UUID.</summary>
    /// <param name="type">The STIX type, for example <c>indicator</c>.</param>
    /// <returns>The identifier.</returns>
    public static string NewId(string type) => $"{type}--{Guid.NewGuid():D}";
}
