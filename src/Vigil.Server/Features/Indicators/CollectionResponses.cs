using Vigil.Data.Entities;

namespace Vigil.Server.Features.Indicators;

public sealed record CollectionResponse(
    string Id, string Name, string? Description, string Tlp, IReadOnlyList<string> Malware, IReadOnlyList<string> IncidentIds,
    int Indicators, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CollectionResponse From(IndicatorCollection c, int indicators) =>
        new(c.Id, c.Name, c.Description, c.Tlp, c.MalwareNames, c.IncidentIds, indicators, c.CreatedAt, c.UpdatedAt);
}

public sealed record CollectionIndicatorResponse(
    string Id, string? Name, string? Description, string Pattern, string? SourceIncidentId, DateTimeOffset ValidFrom, DateTimeOffset CreatedAt)
{
    public static CollectionIndicatorResponse From(CollectionIndicator i) =>
        new(i.StixId, i.Name, i.Description, i.Pattern, i.SourceIncidentId, i.ValidFrom, i.CreatedAt);
}

public sealed record CollectionDetail(CollectionResponse Collection, IReadOnlyList<CollectionIndicatorResponse> Indicators);

/// <summary>What adding indicators did: how many were new, and how many the collection already held.</summary>
public sealed record IndicatorsAdded(CollectionResponse Collection, int Added, int AlreadyPresent);
