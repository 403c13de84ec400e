using Vigil.Domain.Regimes;

namespace Vigil.Server.Features.Regimes;

public sealed record RegimeResponse(
    string Id, string Name, string Jurisdiction, string TimeZone, Uri LegalReference, IReadOnlyList<Uri> Sources, string? Status,
    IReadOnlyList<RegimeStageResponse> Stages, DateOnly? InForceFrom = null, DateOnly? InForceUntil = null)
{
    public static RegimeResponse From(Regime regime) => new(regime.Id, regime.Name, regime.Jurisdiction, regime.TimeZone.Id,
        regime.LegalReference, regime.Sources, regime.Status,
        [.. regime.Stages.Select(s => new RegimeStageResponse(s.Id, s.Name, s.Starts.Describe(), s.Within?.Describe(), s.Requires, s.Note))],
        regime.InForce.From, regime.InForce.Until);
}

/// <param name="Starts">What starts the stage's clock: an event, an earlier stage, or a request.</param>
/// <param name="Within">The period, in words; null for a stage whose due time a request sets.</param>
public sealed record RegimeStageResponse(string Id, string Name, string Starts, string? Within, IReadOnlyList<string> Requires, string? Note);
