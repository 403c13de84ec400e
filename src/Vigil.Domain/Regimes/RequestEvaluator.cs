namespace Vigil.Domain.Regimes;

/// <summary>The verdict on one request for information.</summary>
/// <param name="AnsweredBy">The sequence of the first submission that names the request.</param>
/// <param name="AtAnswer">Wanted fields missing or declared unknown in the view the answer left.</param>
/// <param name="Now">The same in the incident's latest view.</param>
public sealed record RequestEvaluation(
    string RequestId,
    string Question,
    IReadOnlyList<string> WantedFields,
    DateTimeOffset DueAt,
    RequestState State,
    long? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    TimeSpan? Lateness,
    Completeness? AtAnswer,
    Completeness Now)
{
    public string StateName => StateNames.Of(State);
}

/// <summary>Requests for information are clocks too: open, answered on time or late, or overdue.</summary>
public static class RequestEvaluator
{
    public static IReadOnlyList<RequestEvaluation> Evaluate(RegimeCase input, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var ordered = input.Submissions.OrderBy(s => s.Sequence).ToList();
        var latestView = ordered.LastOrDefault()?.ViewAfter;
        return [.. input.Requests.Select(request =>
        {
            var answer = ordered.FirstOrDefault(s => s.AnswersRequest == request.Id);
            var lateness = answer is not null && answer.ReceivedAt > request.DueAt ? answer.ReceivedAt - request.DueAt : (TimeSpan?)null;
            var state = answer is not null
                ? lateness is null ? RequestState.AnsweredOnTime : RequestState.AnsweredLate
                : now > request.DueAt ? RequestState.Overdue : RequestState.Open;
            return new RequestEvaluation(request.Id, request.Question, request.WantedFields, request.DueAt, state,
                answer?.Sequence, answer?.ReceivedAt, lateness,
                answer is null ? null : RequiredFields.Check(answer.ViewAfter, request.WantedFields),
                RequiredFields.Check(latestView, request.WantedFields));
        })];
    }
}
