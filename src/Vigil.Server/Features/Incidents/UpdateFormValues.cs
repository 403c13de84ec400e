using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// The incident page's update form: what was typed, kept as typed, and the update body it makes for the same strict
/// reader as the API's. Times are typed in the reader's zone; the fields without a box of their own (lists, objects,
/// labels on single fields) are given as a JSON object in <see cref="More"/>. Each problem the reader names by JSON
/// pointer is shown beside the box its field came from.
/// </summary>
public sealed class UpdateFormValues
{
    public enum Kind { Line, Text, Time, YesNo, Label }

    /// <summary>The fields with a box of their own, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<(string Field, Kind Kind)> Boxes =
    [
        ("title", Kind.Line), ("description", Kind.Text), ("symptoms", Kind.Text), ("actions_taken", Kind.Text), ("security_systems", Kind.Text),
        ("occurred_at", Kind.Time), ("classified_major_at", Kind.Time), ("materiality_determined_at", Kind.Time), ("ransom_paid_at", Kind.Time),
        ("fix_available_at", Kind.Time), ("new_information_at", Kind.Time), ("delay_reason", Kind.Text),
        ("critical_systems_affected", Kind.YesNo), ("tlp", Kind.Label),
    ];

    public const string Narrative = SubmissionReader.NarrativeMember;
    public const string More = "more";
    public const string Files = "files";

    private readonly Dictionary<string, string> _typed = new(StringComparer.Ordinal);

    public string this[string name] => _typed.GetValueOrDefault(name, "");

    public static UpdateFormValues From(IFormCollection form)
    {
        var values = new UpdateFormValues();
        foreach (var name in Boxes.Select(b => b.Field).Append(Narrative).Append(More))
        {
            if (form[name].ToString() is { Length: > 0 } typed)
            {
                values._typed[name] = typed;
            }
        }
        return values;
    }

    /// <summary>The update body, or the problems found before the reader could see it (a <see cref="More"/> that is not a JSON object).</summary>
    public (JsonObject Body, IReadOnlyList<FieldError> Problems) ToBody(TimeZoneInfo zone, int? answersRequest, Func<string, string> say)
    {
        var body = new JsonObject();
        var problems = new List<FieldError>();
        if (_typed.TryGetValue(Narrative, out var narrative))
        {
            body[Narrative] = narrative;
        }
        foreach (var (field, kind) in Boxes)
        {
            if (_typed.TryGetValue(field, out var typed))
            {
                body[field] = kind switch
                {
                    Kind.Time => Timestamp(typed, zone),
                    Kind.YesNo => typed switch { "yes" => true, "no" => false, _ => typed },
                    _ => typed,
                };
            }
        }
        if (_typed.TryGetValue(More, out var more))
        {
            MergeMore(body, more, problems, say);
        }
        if (answersRequest is { } sequence)
        {
            body[SubmissionAnnotations.AnswersRequest] = sequence;
        }
        return (body, problems);
    }

    /// <summary>The form box a problem belongs beside: its field's own, or the JSON box, or the files; null for the summary only.</summary>
    public string? BoxOf(FieldError error, bool attachedFiles)
    {
        var field = error.Pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (field.Length == 0)
        {
            return null;
        }
        if (field == Narrative || Boxes.Any(b => b.Field == field && _typed.ContainsKey(field)))
        {
            return field;
        }
        if (field == AttachmentReference.Field && attachedFiles)
        {
            return Files;
        }
        return _typed.ContainsKey(More) ? More : null;
    }

    public static IReadOnlyList<string> Labels => TlpLabel.All;

    /// <summary>A time typed in the reader's zone (a datetime-local box) as ISO 8601 with its offset; anything else is passed on as typed.</summary>
    public static JsonNode Timestamp(string typed, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(typed, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return typed;
        }
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private void MergeMore(JsonObject body, string more, List<FieldError> problems, Func<string, string> say)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(more);
        }
        catch (JsonException)
        {
            parsed = null;
        }
        if (parsed is not JsonObject members)
        {
            problems.Add(new FieldError("/" + More, say("MoreNotAnObject")));
            return;
        }
        foreach (var (name, value) in members.ToList())
        {
            if (body.ContainsKey(name))
            {
                problems.Add(new FieldError("/" + More, say("MoreRepeats") + " " + name));
                continue;
            }
            members.Remove(name);
            body[name] = value;
        }
    }
}
