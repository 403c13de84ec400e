using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes.Requests;

namespace Vigil.Domain.Regimes;

/// <summary>One submission as stored: its sequence, kind, receipt time and content (the body as received).</summary>
public sealed record RecordedSubmission(long Sequence, string Kind, DateTimeOffset ReceivedAt, JsonObject Content);

/// <summary>
/// Turns an incident's record into what the engine reads: clock events from the latest view (<c>noticed</c> from
/// <c>detected_at</c> and so on, see <see cref="IncidentFields.ClockEventFields"/>), every report and update with the
/// view it left, the regimes it was filed under, and its <c>filed_as</c> and <c>answers_request</c>; and every request.
/// </summary>
public static class RegimeCaseBuilder
{
    public static RegimeCase Build(IEnumerable<RecordedSubmission> record)
    {
        var view = IncidentFold.Initial();
        var filed = new List<FiledSubmission>();
        var requests = new List<InformationRequest>();
        foreach (var submission in record.OrderBy(s => s.Sequence))
        {
            IncidentFold.Apply(view, IncidentFold.FoldedPart(submission.Kind, submission.Content));
            if (submission.Kind == SubmissionKinds.Request)
            {
                requests.Add(InformationRequestReader.FromRecord(submission.Sequence, submission.ReceivedAt, submission.Content));
            }
            else if (SubmissionKinds.IsFiling(submission.Kind))
            {
                filed.Add(Filed(submission, view.DeepClone().AsObject()));
            }
        }
        return new RegimeCase(ClockEventsOf(view), filed, requests);
    }

    /// <summary>The clock events a view holds; a field left out or declared unknown gives no event.</summary>
    public static Dictionary<string, DateTimeOffset> ClockEventsOf(JsonObject view)
    {
        var events = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (name, field) in IncidentFields.ClockEventFields)
        {
            if (IncidentConsistency.TimestampOf(view[field]) is { } at)
            {
                events[name] = at;
            }
        }
        return events;
    }

    /// <summary>A submission as the engine sees it, given the view it left.</summary>
    public static FiledSubmission Filed(RecordedSubmission submission, JsonObject viewAfter)
    {
        var content = submission.Content;
        IReadOnlyList<StageFiling>? filedAs = content[SubmissionAnnotations.FiledAs] is JsonArray filings
            ? [.. filings.Select(f => new StageFiling(f!["regime"]!.GetValue<string>(), f["stage"]!.GetValue<string>()))]
            : null;
        var answers = content[SubmissionAnnotations.AnswersRequest] is JsonValue a && a.TryGetValue<int>(out var n)
            ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        // A filing confirmed from a mail counts from the mail's arrival, not from the analyst's confirmation.
        return new FiledSubmission(submission.Sequence, submission.Kind, SubmissionAnnotations.ReceivedAtOf(content, submission.ReceivedAt),
            SubmissionAnnotations.RegimeIdsOf(viewAfter), viewAfter, filedAs, answers);
    }
}
