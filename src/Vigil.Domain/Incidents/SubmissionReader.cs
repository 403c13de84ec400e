using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>What a submission's body said, once read strictly: its fields, its narrative, and every problem found.</summary>
public sealed record SubmissionRead(IReadOnlyList<FieldError> Errors, JsonObject Fields, string? Narrative)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Reads the body of a first report or of a follow-up update.</summary>
public static class SubmissionReader
{
    public const string NarrativeMember = "narrative";

    public static SubmissionRead ReadReport(JsonElement root, DateTimeOffset now) => Read(root, now, isUpdate: false);

    public static SubmissionRead ReadUpdate(JsonElement root, DateTimeOffset now) => Read(root, now, isUpdate: true);

    private static SubmissionRead Read(JsonElement root, DateTimeOffset now, bool isUpdate)
    {
        var reader = new JsonFieldReader(now);
        var fields = new JsonObject();
        string? narrative = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(JsonPointer.Root, $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return new SubmissionRead(reader.Errors, fields, null);
        }

        foreach (var property in root.EnumerateObject())
        {
            var pointer = JsonPointer.Append(JsonPointer.Root, property.Name);
            if (isUpdate && property.Name == NarrativeMember)
            {
                narrative = reader.String(property.Value, pointer, IncidentFields.MaxLongText, multiline: true);
                continue;
            }
            if (!IncidentFields.ByName.TryGetValue(property.Name, out var field))
            {
                var expected = string.Join(", ", IncidentFields.All.Select(f => f.Name).Concat(isUpdate ? [NarrativeMember] : []));
                reader.Fail(pointer, $"is not a known field; expected: {expected}");
                continue;
            }
            if (fields.ContainsKey(property.Name))
            {
                reader.Fail(pointer, "appears more than once");
                continue;
            }
            if (field.MayBeUnknown && UnknownDeclaration.IsDeclaration(property.Value))
            {
                UnknownDeclaration.Read(reader, property.Value, pointer);
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                reader.Fail(pointer, field.MayBeUnknown
                    ? "must not be null: leave it out, or declare it {\"unknown\": \"<reason>\"}"
                    : "must not be null");
            }
            else
            {
                field.Read(reader, property.Value, pointer);
            }
            fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        if (!isUpdate)
        {
            foreach (var field in IncidentFields.All.Where(f => f.RequiredInReport && !fields.ContainsKey(f.Name)))
            {
                reader.Fail(JsonPointer.Append(JsonPointer.Root, field.Name), "is required");
            }
        }
        else if (!root.TryGetProperty(NarrativeMember, out _))
        {
            reader.Fail(JsonPointer.Append(JsonPointer.Root, NarrativeMember), "is required: say what this update is about");
        }
        return new SubmissionRead(reader.Errors, fields, narrative);
    }
}
