using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>Rules across fields, checked on the view a submission would produce.</summary>
public static class IncidentConsistency
{
    public static IReadOnlyList<FieldError> Check(JsonObject view, JsonObject submitted)
    {
        var errors = new List<FieldError>();
        var occurred = TimestampOf(view["occurred_at"]);
        var detected = TimestampOf(view["detected_at"]);
        if (occurred is not null && detected is not null && detected < occurred)
        {
            var field = submitted.ContainsKey("detected_at") ? "detected_at" : "occurred_at";
            errors.Add(new FieldError(JsonPointer.Append(JsonPointer.Root, field),
                $"the incident cannot be detected ({detected:O}) before it occurred ({occurred:O})"));
        }
        if (submitted[SubmissionAnnotations.FiledAs] is JsonArray filings)
        {
            var underRegimes = SubmissionAnnotations.RegimeIdsOf(view);
            for (var i = 0; i < filings.Count; i++)
            {
                if (filings[i]?["regime"] is JsonValue v && v.TryGetValue<string>(out var regime) && !underRegimes.Contains(regime))
                {
                    errors.Add(new FieldError($"/filed_as/{i.ToString(CultureInfo.InvariantCulture)}/regime",
                        $"the incident is not filed under {regime}; add it to 'regimes' first"));
                }
            }
        }
        // A field's own label narrows the incident's; one that would widen it is a mistake worth saying, not a no-op.
        var incidentLabel = view["tlp"]?.GetValue<string>() ?? TlpLabel.Default;
        foreach (var (field, label) in submitted[FieldLabels.Field] as JsonObject ?? [])
        {
            if (label?.GetValue<string>() is { } own && TlpLabel.IsValid(own) && TlpLabel.WouldWiden(incidentLabel, own))
            {
                errors.Add(new FieldError($"/{FieldLabels.Field}/{field}",
                    $"TLP:{own} is wider than the incident's TLP:{incidentLabel}; a field's own label may only narrow the incident's"));
            }
        }
        return errors;
    }

    /// <summary>The time a field holds, or null when it is absent or declared unknown.</summary>
    public static DateTimeOffset? TimestampOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
}
