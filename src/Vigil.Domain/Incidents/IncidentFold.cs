using System.Text.Json.Nodes;
using Vigil.Domain.Sharing;

namespace Vigil.Domain.Incidents;

/// <summary>One field one submission changed.</summary>
public sealed record FieldChange(string Field, JsonNode? Old, JsonNode? New);

/// <summary>
/// An incident's current view is the fold of its submissions in order: each field takes the value of the last
/// submission that named it, except <c>attachments</c>, which accumulate (see <see cref="AttachmentReference.Accumulate"/>),
/// and <c>field_tlp</c>, whose labels are replaced one by one (<see cref="FieldLabels.Merge"/>).
/// Submissions themselves are never changed.
/// </summary>
public static class IncidentFold
{
    /// <summary>Members of a submission that annotate it rather than set a field of the incident.</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        SubmissionReader.NarrativeMember, "reason", SubmissionAnnotations.FiledAs, SubmissionAnnotations.AnswersRequest,
        SubmissionAnnotations.ReceivedByMailAt,
    };

    public static JsonObject Initial() => new()
    {
        ["status"] = IncidentStatus.Received,
        ["tlp"] = TlpLabel.Default,
    };

    /// <summary>Applies one submission's content to the view in place and returns what it changed (old → new).</summary>
    public static IReadOnlyList<FieldChange> Apply(JsonObject view, JsonObject content)
    {
        var changes = new List<FieldChange>();
        foreach (var (name, value) in content)
        {
            if (Annotations.Contains(name))
            {
                continue;
            }
            var old = view[name];
            // Attachments are added to, never replaced: an update that lists files attaches them beside the earlier
            // ones, so no submission can take a file off the record.
            var next = name switch
            {
                AttachmentReference.Field => AttachmentReference.Accumulate(old, value) ?? old,
                // A field's own label is replaced by name, so an update need not repeat the others.
                FieldLabels.Field => FieldLabels.Merge(old, value),
                _ => value,
            };
            if (JsonNode.DeepEquals(old, next))
            {
                continue;
            }
            changes.Add(new FieldChange(name, old?.DeepClone(), next?.DeepClone()));
            view[name] = next?.DeepClone();
        }
        return changes;
    }

    /// <summary>The part of a submission's content that folds into the view: none of a request for information.</summary>
    public static JsonObject FoldedPart(string kind, JsonObject content) => kind == SubmissionKinds.Request ? [] : content;

    /// <summary>Folds a whole history, returning the view and, for each submission, what it changed.</summary>
    public static (JsonObject View, IReadOnlyList<IReadOnlyList<FieldChange>> Changes) Replay(IEnumerable<JsonObject> contents)
    {
        var view = Initial();
        var changes = contents.Select(c => Apply(view, c)).ToList();
        return (view, changes);
    }
}
