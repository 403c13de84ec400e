using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>What a submission's body said, once read strictly: its fields, its narrative, and every problem found.</summary>
/// <param name="Fields">The incident fields it sets, and its annotations (<c>filed_as</c>, <c>answers_request</c>),
/// which the fold leaves out of the view.</param>
/// <param name="FiledAs">The regime stages the submission says it is filed as; null when it does not say.</param>
/// <param name="AnswersRequest">The sequence of the request for information it answers, if any.</param>
public sealed record SubmissionRead(IReadOnlyList<FieldError> Errors, JsonObject Fields, string? Narrative,
    IReadOnlyList<StageFiling>? FiledAs = null, int? AnswersRequest = null)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Reads the body of a first report, of a follow-up update, or of a draft to preview.</summary>
public static class SubmissionReader
{
    public const string NarrativeMember = "narrative";

    private enum Kind { Report, Update, Draft }

    /// <param name="catalog">When given, regime and stage ids must name loaded regimes.</param>
    public static SubmissionRead ReadReport(JsonElement root, DateTimeOffset now, RegimeCatalog? catalog = null) => Read(root, now, Kind.Report, catalog);

    public static SubmissionRead ReadUpdate(JsonElement root, DateTimeOffset now, RegimeCatalog? catalog = null) => Read(root, now, Kind.Update, catalog);

    /// <summary>A report still being written: read as strictly as a report, but required fields may be missing.</summary>
    public static SubmissionRead ReadDraft(JsonElement root, DateTimeOffset now, RegimeCatalog? catalog = null) => Read(root, now, Kind.Draft, catalog);

    private static SubmissionRead Read(JsonElement root, DateTimeOffset now, Kind kind, RegimeCatalog? catalog)
    {
        var reader = new JsonFieldReader(now);
        var fields = new JsonObject();
        string? narrative = null;
        IReadOnlyList<StageFiling>? filedAs = null;
        int? answers = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(JsonPointer.Root, $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return new SubmissionRead(reader.Errors, fields, null);
        }

        var isUpdate = kind == Kind.Update;
        foreach (var property in root.EnumerateObject())
        {
            var pointer = JsonPointer.Append(JsonPointer.Root, property.Name);
            switch (property.Name)
            {
                case NarrativeMember when isUpdate:
                    narrative = reader.String(property.Value, pointer, IncidentFields.MaxLongText, multiline: true);
                    continue;
                case SubmissionAnnotations.FiledAs:
                    filedAs = SubmissionAnnotations.ReadFiledAs(reader, property.Value, pointer, catalog);
                    fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                    continue;
                case SubmissionAnnotations.AnswersRequest when isUpdate:
                    answers = SubmissionAnnotations.ReadAnswersRequest(reader, property.Value, pointer);
                    fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                    continue;
            }
            if (!IncidentFields.ByName.TryGetValue(property.Name, out var field))
            {
                string[] extra = isUpdate ? [NarrativeMember, SubmissionAnnotations.FiledAs, SubmissionAnnotations.AnswersRequest] : [SubmissionAnnotations.FiledAs];
                reader.Fail(pointer, $"is not a known field; expected: {string.Join(", ", IncidentFields.All.Select(f => f.Name).Concat(extra))}");
                continue;
            }
            if (fields.ContainsKey(property.Name))
            {
                reader.Fail(pointer, "appears more than once");
                continue;
            }
            ReadField(reader, field, property.Value, pointer);
            fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        if (catalog is not null)
        {
            SubmissionAnnotations.CheckRegimeIds(reader, fields, catalog);
        }
        if (kind == Kind.Report)
        {
            foreach (var field in IncidentFields.All.Where(f => f.RequiredInReport && !fields.ContainsKey(f.Name)))
            {
                reader.Fail(JsonPointer.Append(JsonPointer.Root, field.Name), "is required");
            }
        }
        else if (isUpdate && !root.TryGetProperty(NarrativeMember, out _))
        {
            reader.Fail(JsonPointer.Append(JsonPointer.Root, NarrativeMember), "is required: say what this update is about");
        }
        return new SubmissionRead(reader.Errors, fields, narrative, filedAs, answers);
    }

    private static void ReadField(JsonFieldReader reader, IncidentFields.Field field, JsonElement value, string pointer)
    {
        if (field.MayBeUnknown && UnknownDeclaration.IsDeclaration(value))
        {
            UnknownDeclaration.Read(reader, value, pointer);
        }
        else if (value.ValueKind == JsonValueKind.Null)
        {
            reader.Fail(pointer, field.MayBeUnknown
                ? "must not be null: leave it out, or declare it {\"unknown\": \"<reason>\"}"
                : "must not be null");
        }
        else
        {
            field.Read(reader, value, pointer);
        }
    }
}
