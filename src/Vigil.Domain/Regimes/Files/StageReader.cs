using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Regimes.Files;

/// <summary>Reads one stage of a regime file: its clock, period, backstops, non-working-day rule and required fields.</summary>
internal static class StageReader
{
    public static RegimeStage Read(RegimeJson file, JsonElement stage, string at, IReadOnlyList<RegimeStage> earlier)
    {
        file.Members(stage, at, ["id", "name", "starts", "requires"], ["within", "backstops", "non_working_day", "note"]);
        var id = file.String(stage, "id", at);
        if (earlier.Any(s => s.Id == id))
        {
            throw file.Fail(JsonPointer.Append(at, "id"), $"stage '{id}' appears more than once");
        }
        var starts = Starts(file, stage.GetProperty("starts"), JsonPointer.Append(at, "starts"), earlier);
        var within = stage.TryGetProperty("within", out var w) ? PeriodReader.Read(file, w, JsonPointer.Append(at, "within")) : null;
        if (within is null && starts.Kind != ClockStartKind.Request)
        {
            throw file.Fail(JsonPointer.Append(at, "within"), "is required unless the stage starts on a request");
        }
        if (within is not null && starts.Kind == ClockStartKind.Request)
        {
            throw file.Fail(JsonPointer.Append(at, "within"), "must be left out: a request sets its own due time");
        }
        var backstops = stage.TryGetProperty("backstops", out _)
            ? file.Array(stage, "backstops", at, allowEmpty: false).Select(b => Backstop(file, b.Item, b.Pointer)).ToList()
            : [];
        var shift = stage.TryGetProperty("non_working_day", out var n) ? NonWorkingDay(file, n, JsonPointer.Append(at, "non_working_day")) : null;
        var requires = file.Array(stage, "requires", at, allowEmpty: true)
            .Select(r => RequiredField(file, file.StringItem(r.Item, r.Pointer), r.Pointer)).ToList();
        return new RegimeStage(id, file.String(stage, "name", at), starts, within, backstops, shift, requires,
            file.OptionalString(stage, "note", at));
    }

    private static ClockStart Starts(RegimeJson file, JsonElement value, string at, IReadOnlyList<RegimeStage> earlier)
    {
        file.Members(value, at, [], ["event", "stage", "filing", "on_request"]);
        var names = value.EnumerateObject().Select(p => p.Name).Where(n => n != "filing").ToList();
        if (names.Count != 1)
        {
            throw file.Fail(at, "must name exactly one of event, stage, on_request");
        }
        if (names[0] == "event")
        {
            return ClockStart.OnEvent(Event(file, file.String(value, "event", at), JsonPointer.Append(at, "event")));
        }
        if (names[0] == "on_request")
        {
            return value.GetProperty("on_request").ValueKind == JsonValueKind.True
                ? ClockStart.OnRequest
                : throw file.Fail(JsonPointer.Append(at, "on_request"), "must be true");
        }
        var stageId = file.String(value, "stage", at);
        if (earlier.All(s => s.Id != stageId))
        {
            throw file.Fail(JsonPointer.Append(at, "stage"), $"'{stageId}' is not an earlier stage of this regime");
        }
        var filing = file.OptionalString(value, "filing", at) ?? "first";
        return filing is "first" or "last"
            ? ClockStart.AfterStage(stageId, latestFiling: filing == "last")
            : throw file.Fail(JsonPointer.Append(at, "filing"), $"'{filing}' must be first or last");
    }

    private static Backstop Backstop(RegimeJson file, JsonElement value, string at)
    {
        file.Members(value, at, ["event", "within"], []);
        var name = Event(file, file.String(value, "event", at), JsonPointer.Append(at, "event"));
        var within = PeriodReader.Read(file, value.GetProperty("within"), JsonPointer.Append(at, "within"));
        return within.Unit == PeriodUnit.WithoutDelay
            ? throw file.Fail(JsonPointer.Append(at, "within"), "a backstop needs a fixed period")
            : new Backstop(name, within);
    }

    private static NonWorkingDayRule NonWorkingDay(RegimeJson file, JsonElement value, string at)
    {
        file.Members(value, at, ["calendar", "moves_to"], []);
        return new NonWorkingDayRule(PeriodReader.Calendar(file, value, at), file.TimeOfDay(value, "moves_to", at));
    }

    private static string Event(RegimeJson file, string name, string at) =>
        ClockEvents.IsKnown(name)
            ? name
            : throw file.Fail(at, $"'{name}' is not a clock event; expected one of: {string.Join(", ", ClockEvents.All)}");

    private static string RequiredField(RegimeJson file, string path, string at)
    {
        var head = path.Split('.')[0];
        return IncidentFields.ByName.ContainsKey(head) && !path.Split('.').Any(string.IsNullOrEmpty)
            ? path
            : throw file.Fail(at, $"'{path}' is not an incident field; expected one of: {string.Join(", ", IncidentFields.All.Select(f => f.Name))}");
    }
}
