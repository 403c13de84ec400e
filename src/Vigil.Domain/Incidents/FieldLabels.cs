using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>
/// Labels on single fields of an incident, narrower than the incident's own (TLP 2.0 applied to parts of a report):
/// <c>"field_tlp": {"affected_users": "RED", "point_of_contact": "AMBER+STRICT"}</c>. A field is read under the
/// narrower of its own label and the incident's; an update's <c>field_tlp</c> replaces the labels it names, and
/// <c>null</c> takes one off. What lists, figures and deadlines need (title, category, times, status, regimes) is not
/// labelled apart: it goes with the incident.
/// </summary>
public static class FieldLabels
{
    public const string Field = "field_tlp";

    public const string WithheldMember = "withheld";

    /// <summary>The fields that may carry a label of their own: the content of a report.</summary>
    public static readonly IReadOnlySet<string> Labellable = new HashSet<string>(StringComparer.Ordinal)
    {
        "description", "delay_reason", "affected_systems", "critical_systems_affected", "affected_users", "indicators",
        "symptoms", "actions_taken", "security_systems", "agencies_notified", "point_of_contact", AttachmentReference.Field,
    };

    public static void Read(JsonFieldReader r, JsonElement value, string pointer)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            r.Fail(pointer, $"must be an object naming fields and their TLP labels, such as {{\"affected_users\": \"RED\"}}, not {JsonFieldReader.Describe(value)}");
            return;
        }
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(pointer, member.Name);
            if (!Labellable.Contains(member.Name))
            {
                r.Fail(at, $"is not a field that takes a label of its own; these do: {string.Join(", ", Labellable.Order(StringComparer.Ordinal))}");
            }
            else if (member.Value.ValueKind != JsonValueKind.Null)
            {
                r.OneOf(member.Value, at, TlpLabel.All, "TLP 2.0 label");
            }
        }
    }

    /// <summary>The labels after an update's: those it names replace the earlier, a null takes one off.</summary>
    public static JsonObject? Merge(JsonNode? earlier, JsonNode? update)
    {
        var merged = earlier as JsonObject is { } old ? (JsonObject)old.DeepClone() : [];
        foreach (var (name, label) in update as JsonObject ?? [])
        {
            if (label is null) { merged.Remove(name); } else { merged[name] = label.DeepClone(); }
        }
        return merged.Count == 0 ? null : merged;
    }

    /// <summary>The label a field is read under in a view (or in the view a submission left): its own or the incident's, the narrower.</summary>
    public static string LabelOf(JsonObject view, string field)
    {
        var incident = view["tlp"]?.GetValue<string>() ?? TlpLabel.Default;
        return Labellable.Contains(field) && view[Field]?[field]?.GetValue<string>() is { } own ? TlpLabel.MostRestrictive(incident, own) : incident;
    }

    /// <summary>
    /// A copy of <paramref name="fields"/> with every field the reader may not read (by <paramref name="mayRead"/>,
    /// under the narrower of its label in <paramref name="labelledBy"/> and in <paramref name="now"/>) replaced by
    /// <c>{"withheld": "TLP:..."}</c>. A label travels with what was said under it: a field said under RED stays RED
    /// in the history even after the incident or the field is relabelled wider.
    /// </summary>
    public static JsonObject Redact(JsonObject fields, JsonObject labelledBy, JsonObject now, Func<string, bool> mayRead)
    {
        var copy = (JsonObject)fields.DeepClone();
        foreach (var name in fields.Select(p => p.Key).Where(Labellable.Contains).ToList())
        {
            var label = TlpLabel.MostRestrictive(LabelOf(labelledBy, name), LabelOf(now, name));
            if (!mayRead(label))
            {
                copy[name] = new JsonObject { [WithheldMember] = "TLP:" + label };
            }
        }
        return copy;
    }
}
