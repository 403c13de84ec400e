using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>
/// Members that say something about a submission rather than set a field of the incident: which regime stages it is
/// filed as (<c>filed_as</c>) and which request for information it answers (<c>answers_request</c>, the request's
/// sequence on the incident). They are part of the submission's content, so they are committed to the log, but the
/// fold leaves them out of the incident's view.
/// </summary>
public static class SubmissionAnnotations
{
    public const string FiledAs = "filed_as";
    public const string AnswersRequest = "answers_request";

    /// <summary>
    /// When the CERT's incident address received the mail a report or update was confirmed from (an analyst confirms
    /// later). Set by Vigil only, never read from a body: the regimes engine takes it as the time the filing was received.
    /// </summary>
    public const string ReceivedByMailAt = "received_by_mail_at";

    /// <summary>The time a filing counts as received: the mail's arrival when it came by mail and that is earlier.</summary>
    public static DateTimeOffset ReceivedAtOf(JsonObject content, DateTimeOffset recorded) =>
        IncidentConsistency.TimestampOf(content[ReceivedByMailAt]) is { } arrived && arrived < recorded ? arrived : recorded;

    public static IReadOnlyList<StageFiling> ReadFiledAs(JsonFieldReader reader, JsonElement value, string pointer, RegimeCatalog? catalog)
    {
        var filings = new List<StageFiling>();
        reader.Array(value, pointer, 50, (item, at) =>
        {
            if (ReadStageFiling(reader, item, at, catalog) is not { } filing)
            {
                return;
            }
            if (filings.Contains(filing))
            {
                reader.Fail(at, $"{filing.RegimeId} {filing.StageId} appears more than once");
                return;
            }
            filings.Add(filing);
        });
        return filings;
    }

    /// <summary>Reads <c>{"regime": id, "stage": id}</c>; with a catalog, both must name a loaded regime and its stage.</summary>
    public static StageFiling? ReadStageFiling(JsonFieldReader reader, JsonElement item, string at, RegimeCatalog? catalog)
    {
        string? regimeId = null, stageId = null;
        reader.Object(item, at, new Dictionary<string, Action<JsonElement, string>>
        {
            ["regime"] = (v, p) => regimeId = reader.String(v, p, 64),
            ["stage"] = (v, p) => stageId = reader.String(v, p, 64),
        }, "regime", "stage");
        if (regimeId is null || stageId is null)
        {
            return null;
        }
        if (catalog is not null && !catalog.TryGet(regimeId, out _))
        {
            reader.Fail(JsonPointer.Append(at, "regime"), NotARegime(regimeId, catalog));
            return null;
        }
        if (catalog is not null && catalog[regimeId].Stages.All(s => s.Id != stageId))
        {
            var stages = catalog[regimeId].Stages.Select(s => s.Id);
            reader.Fail(JsonPointer.Append(at, "stage"), $"'{JsonFieldReader.Shorten(stageId)}' is not a stage of {regimeId}; expected one of: {string.Join(", ", stages)}");
            return null;
        }
        return new StageFiling(regimeId, stageId);
    }

    public static int? ReadAnswersRequest(JsonFieldReader reader, JsonElement value, string pointer)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var sequence) && sequence >= 1)
        {
            return sequence;
        }
        reader.Fail(pointer, $"must be the request's sequence number on the incident (a whole number from 1), not {JsonFieldReader.Describe(value)}");
        return null;
    }

    /// <summary>Names each id in a submission's <c>regimes</c> that the catalog does not hold.</summary>
    public static void CheckRegimeIds(JsonFieldReader reader, JsonObject fields, RegimeCatalog catalog)
    {
        if (fields["regimes"] is not JsonArray ids)
        {
            return;
        }
        for (var i = 0; i < ids.Count; i++)
        {
            var pointer = JsonPointer.Append("/regimes", i);
            if (ids[i] is JsonValue v && v.TryGetValue<string>(out var id) && !catalog.TryGet(id, out _)
                && reader.Errors.All(e => e.Pointer != pointer))
            {
                reader.Fail(pointer, NotARegime(id, catalog));
            }
        }
    }

    /// <summary>The regime ids a view is filed under.</summary>
    public static IReadOnlyList<string> RegimeIdsOf(JsonObject view) =>
        view["regimes"] is JsonArray ids ? [.. ids.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()] : [];

    private static string NotARegime(string id, RegimeCatalog catalog) =>
        $"'{JsonFieldReader.Shorten(id)}' is not a regime this server knows; expected one of: {string.Join(", ", catalog.All.Select(r => r.Id).Order(StringComparer.Ordinal))}";
}
