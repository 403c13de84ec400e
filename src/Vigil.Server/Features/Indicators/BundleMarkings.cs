using Vigil.Domain.Validation;
using Vigil.Indicators.Stix;

namespace Vigil.Server.Features.Indicators;

/// <summary>One object an import keeps (an indicator, or a malware whose name joins the collection) and its TLP label.</summary>
/// <param name="Index">Its place in the bundle's <c>objects</c>.</param>
/// <param name="Object">The object.</param>
/// <param name="Marking">The most restrictive TLP label it carries; null when it carries none.</param>
public sealed record MarkedObject(int Index, StixObject Object, string? Marking)
{
    public string Pointer => JsonPointer.Append("/objects", Index);
}

public static class BundleMarkings
{
    /// <summary>The objects an import keeps, each with the label its markings give it.</summary>
    public static List<MarkedObject> OfKept(StixBundle bundle)
    {
        var markings = StixTlpMarkings.Of(bundle.Objects);
        return [.. bundle.Objects
            .Select((o, index) => (Object: o, Index: index))
            .Where(p => p.Object is StixIndicator or StixMalware { Name: not null })
            .Select(p => new MarkedObject(p.Index, p.Object, markings.MostRestrictive(p.Object) is { } level ? StixLabels.Label(level) : null))];
    }
}
