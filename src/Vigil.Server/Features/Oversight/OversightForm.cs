using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Compliance;

namespace Vigil.Server.Features.Oversight;

/// <summary>
/// The dashboard's filters as the query string carries them (from, to, regime, sector): days in UTC, both included
/// (by default the last twelve months up to today), what was typed to show again, and for each field that cannot be
/// read the name of the message (in <see cref="OversightText"/>) to show beside it.
/// </summary>
public sealed class OversightForm
{
    public const int MaxLength = 200;

    public string? From { get; private init; }
    public string? To { get; private init; }
    public string? Regime { get; private init; }
    public string? Sector { get; private init; }

    /// <summary>The first and last day counted (UTC).</summary>
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public static OversightForm Read(string? from, string? to, string? regime, string? sector, RegimeCatalog catalog, TimeProvider clock)
    {
        var form = new OversightForm
        {
            From = Blank(from), To = Blank(to), Regime = Blank(regime), Sector = Blank(sector),
        };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        form.LastDay = form.Day("to", form.To) ?? today;
        form.FirstDay = form.Day("from", form.From) ?? form.LastDay.AddMonths(-12).AddDays(1);
        if (!form.Errors.ContainsKey("from") && !form.Errors.ContainsKey("to") && form.FirstDay > form.LastDay)
        {
            form.Errors["to"] = "BadRange";
        }
        if (form.Regime is { } id && (id.Length > MaxLength || !catalog.TryGet(id, out _)))
        {
            form.Errors["regime"] = "UnknownRegime";
        }
        if (form.Sector?.Length > MaxLength)
        {
            form.Errors["sector"] = "TooLong";
        }
        return form;
    }

    /// <summary>The incidents these filters count, for <see cref="ComplianceQuery"/>: noticed from the first day's start to the last day's end.</summary>
    public ComplianceScope Scope(string? organisation = null) => new(organisation, Sector, Regime, Start(FirstDay), Start(LastDay.AddDays(1)));

    /// <summary>The filters as a query string ("?from=...&amp;to=..."), for links that keep them.</summary>
    public string Query() => QueryHelpers.AddQueryString("", new Dictionary<string, string?>
    {
        ["from"] = FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["regime"] = Regime,
        ["sector"] = Sector,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>What the date inputs show: as typed, else the default.</summary>
    public string FromValue => From ?? FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string ToValue => To ?? LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private DateOnly? Day(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Errors[field] = "BadDate";
            return null;
        }
        return day;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
