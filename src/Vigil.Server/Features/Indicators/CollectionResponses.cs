using System.Text.Json.Serialization;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Indicators;

public sealed record CollectionResponse(
    string Id, string Name, string? Description, string Tlp, IReadOnlyList<string> Malware, IReadOnlyList<string> IncidentIds,
    int Indicators, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The collection as an analyst who changed it sees it.</summary>
    public static CollectionResponse From(IndicatorCollection c, int indicators) => From(c, indicators, _ => true);

    /// <summary>The collection as a reader sees it: only the incident ids the reader may know of.</summary>
    public static CollectionResponse From(IndicatorCollection c, int indicators, Func<string, bool> knownIncident) =>
        new(c.Id, c.Name, c.Description, c.Tlp, c.MalwareNames, [.. c.IncidentIds.Where(knownIncident)], indicators, c.CreatedAt, c.UpdatedAt);
}

/// <summary>
/// One indicator as listed. <see cref="Tlp"/> is the label it is shared under; CERT staff also see its own marking,
/// its source's label and any release, which are left out for everyone else.
/// </summary>
public sealed record CollectionIndicatorResponse(
    string Id, string? Name, string? Description, string Pattern, string? SourceIncidentId, DateTimeOffset ValidFrom, DateTimeOffset CreatedAt, string Tlp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Marking,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceTlp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReleasedTlp)
{
    public static CollectionIndicatorResponse From(CollectionIndicator i, bool staff, Func<string, bool> knownIncident) =>
        new(i.StixId, i.Name, i.Description, i.Pattern, i.SourceIncidentId is { } source && knownIncident(source) ? source : null, i.ValidFrom, i.CreatedAt, i.Tlp,
            staff ? i.Marking : null, staff ? i.SourceTlp : null, staff ? i.ReleasedTlp : null);
}

/// <summary>A collection with its indicators; for CERT staff, how many are withheld from the collection's own audience.</summary>
public sealed record CollectionDetail(
    CollectionResponse Collection, IReadOnlyList<CollectionIndicatorResponse> Indicators,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Withheld);

/// <summary>What adding indicators did: how many were new, and how many the collection already held.</summary>
public sealed record IndicatorsAdded(CollectionResponse Collection, int Added, int AlreadyPresent);
