using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Regimes.Requests;

/// <summary>What an analyst's request for information said, once read strictly.</summary>
public sealed record InformationRequestRead(IReadOnlyList<FieldError> Errors, StageFiling? ForStage)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a request for information: <c>{"question", "wanted_fields": [paths], "due_at", "for_stage": {"regime", "stage"}}</c>.
/// The request is stored as a submission of kind <c>request</c>; its id is that submission's sequence on the incident.
/// </summary>
public static class InformationRequestReader
{
    public static InformationRequestRead Read(JsonElement root, DateTimeOffset now, RegimeCatalog catalog)
    {
        var reader = new JsonFieldReader(now);
        StageFiling? forStage = null;
        reader.Object(root, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["question"] = (v, p) => reader.String(v, p, 4_000, multiline: true),
            ["wanted_fields"] = (v, p) => reader.Array(v, p, 50, (item, at) =>
            {
                var path = reader.String(item, at, 200);
                if (path is not null && !IncidentFields.IsFieldPath(path))
                {
                    reader.Fail(at, $"'{JsonFieldReader.Shorten(path)}' is not an incident field or a dotted path into one");
                }
            }),
            ["due_at"] = (v, p) =>
            {
                if (reader.Timestamp(v, p, mayLieAhead: true) is { } due && due <= now)
                {
                    reader.Fail(p, "must lie in the future");
                }
            },
            ["for_stage"] = (v, p) => forStage = ReadStage(reader, v, p, catalog),
        }, "question", "due_at");
        return new InformationRequestRead(reader.Errors, forStage);
    }

    /// <summary>The request a stored submission of kind <c>request</c> holds.</summary>
    public static InformationRequest FromRecord(long sequence, DateTimeOffset receivedAt, JsonObject content)
    {
        var stage = content["for_stage"] is JsonObject s ? new StageFiling(s["regime"]!.GetValue<string>(), s["stage"]!.GetValue<string>()) : null;
        var wanted = content["wanted_fields"] is JsonArray fields ? fields.Select(f => f!.GetValue<string>()).ToList() : [];
        return new InformationRequest(sequence.ToString(CultureInfo.InvariantCulture), content["question"]!.GetValue<string>(), wanted,
            receivedAt, IncidentConsistency.TimestampOf(content["due_at"]) ?? receivedAt, stage);
    }

    private static StageFiling? ReadStage(JsonFieldReader reader, JsonElement value, string pointer, RegimeCatalog catalog)
    {
        var filing = SubmissionAnnotations.ReadStageFiling(reader, value, pointer, catalog);
        if (filing is not null && catalog[filing.RegimeId].Stage(filing.StageId).Starts.Kind != ClockStartKind.Request)
        {
            reader.Fail(JsonPointer.Append(pointer, "stage"), $"{filing.StageId} of {filing.RegimeId} does not start on a request");
            return null;
        }
        return filing;
    }
}
