using System.Text.Json;
using Vigil.Domain.Regimes.Calendars;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Regimes.Files;

/// <summary>
/// Reads a period: exactly one of <c>{"hours": n}</c>, <c>{"days": n}</c>, <c>{"months": n}</c>,
/// <c>{"business_days": n, "calendar": "us-federal", "until": "17:30"}</c> or <c>{"without_delay": true}</c>.
/// </summary>
internal static class PeriodReader
{
    private static readonly string[] Units = ["hours", "days", "months", "business_days", "without_delay"];

    public static Period Read(RegimeJson file, JsonElement value, string at)
    {
        file.Members(value, at, [], [.. Units, "calendar", "until"]);
        var units = Units.Where(u => value.TryGetProperty(u, out _)).ToList();
        if (units.Count != 1)
        {
            throw file.Fail(at, $"must name exactly one of {string.Join(", ", Units)}");
        }
        var unit = units[0];
        if (unit != "business_days" && (value.TryGetProperty("calendar", out _) || value.TryGetProperty("until", out _)))
        {
            throw file.Fail(at, "calendar and until belong to business_days only");
        }
        return unit switch
        {
            "hours" => Period.Hours(file.NonNegativeInt(value, unit, at)),
            "days" => Period.Days(file.NonNegativeInt(value, unit, at)),
            "months" => Period.Months(file.NonNegativeInt(value, unit, at)),
            "business_days" => Period.BusinessDays(file.NonNegativeInt(value, unit, at), Calendar(file, value, at),
                value.TryGetProperty("until", out _) ? file.TimeOfDay(value, "until", at) : null),
            _ => value.GetProperty(unit).ValueKind == JsonValueKind.True
                ? Period.WithoutDelay
                : throw file.Fail(JsonPointer.Append(at, unit), "must be true"),
        };
    }

    public static string Calendar(RegimeJson file, JsonElement value, string at)
    {
        if (!value.TryGetProperty("calendar", out _))
        {
            throw file.Fail(JsonPointer.Append(at, "calendar"), "is required but missing");
        }
        var name = file.String(value, "calendar", at);
        return BusinessCalendars.ByName.ContainsKey(name)
            ? name
            : throw file.Fail(JsonPointer.Append(at, "calendar"),
                $"'{name}' is not a calendar; expected one of: {string.Join(", ", BusinessCalendars.ByName.Keys)}");
    }
}
