using System.Text.Json;
using Vigil.Indicators.Matching;

namespace Vigil.Cli.Commands;

/// <summary>One hit as one JSON line; the fields are documented in docs/scan.md and must stay stable.</summary>
internal sealed record ScanHitLine(
    string Artefact,
    string? Section,
    string Unit,
    long Number,
    string Kind,
    string Observed,
    string IndicatorId,
    string? IndicatorName,
    string Pattern,
    IReadOnlyList<ScanHitCollection> Collections)
{
    public static ScanHitLine From(IndicatorHit hit) => new(
        hit.Location.Artefact, hit.Location.Section, hit.Location.Unit, hit.Location.Number,
        KindName(hit.Observed.Kind), hit.Observed.Value, hit.Indicator.Id, hit.Indicator.Name, hit.Indicator.Pattern,
        [.. hit.Indicator.Collections.Select(c => new ScanHitCollection(c.Id, c.Type, c.Name))]);

    /// <summary>The observable kind in snake case: <c>domain</c>, <c>process_name</c>, <c>app_id</c>…</summary>
    public static string KindName(ObservableKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}

internal sealed record ScanHitCollection(string Id, string Type, string Name);
