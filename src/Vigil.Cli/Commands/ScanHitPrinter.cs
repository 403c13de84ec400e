using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Indicators;
using Vigil.Indicators.Matching;

namespace Vigil.Cli.Commands;

/// <summary>Writes scan hits for people (one line each) or as JSON lines; docs/scan.md documents both.</summary>
internal sealed class ScanHitPrinter(TextWriter? text, TextWriter? jsonLines)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Paths and domains are shown as they are (not \u-escaped); the lines are data, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly HashSet<string> _indicators = new(StringComparer.Ordinal);

    public int IndicatorsFound => _indicators.Count;

    public void Print(IndicatorHit hit)
    {
        _indicators.Add(hit.Indicator.Id);
        if (jsonLines is not null) { jsonLines.WriteLine(JsonSerializer.Serialize(ScanHitLine.From(hit), JsonOptions)); }
        if (text is not null) { text.WriteLine(Describe(hit)); }
    }

    public Task FlushAsync() => (jsonLines ?? text)!.FlushAsync();

    /// <summary>"HIT DataUsage.sqlite ZPROCESS.ZPROCNAME row 42: process name 'bh' — [process:name='bh'] (Pegasus; indicator--…)"</summary>
    public static string Describe(IndicatorHit hit)
    {
        var collections = hit.Indicator.Collections.Count == 0 ? "no collection" : string.Join(", ", hit.Indicator.Collections.Select(c => c.Name));
        return $"HIT {hit.Location}: {ScanHitLine.KindName(hit.Observed.Kind).Replace('_', ' ')} '{hit.Observed.Value}' matches "
            + $"{hit.Indicator.Pattern} ({collections}; {hit.Indicator.Id})";
    }

    public static string Summary(IndicatorCatalog catalog, ScanSummary summary, int indicatorsFound)
    {
        var matchable = catalog.Matchable;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Scanned {summary.Artefacts:N0} artefacts against {catalog.Indicators.Count:N0} indicators ({matchable:N0} matchable): ");
        text += summary.Hits == 0 ? "no hits" : string.Create(CultureInfo.InvariantCulture, $"{summary.Hits:N0} hits of {indicatorsFound:N0} indicators");
        return summary.Errors.Count == 0 ? text + "." : string.Create(CultureInfo.InvariantCulture, $"{text}; {summary.Errors.Count:N0} could not be read.");
    }
}
