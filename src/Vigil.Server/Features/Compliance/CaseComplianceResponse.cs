using Vigil.Domain.Regimes;

namespace Vigil.Server.Features.Compliance;

/// <summary>An incident (or a draft) under each regime it is filed under, and its requests for information.</summary>
/// <param name="IncidentId">Null for a preview.</param>
public sealed record CaseComplianceResponse(
    string? IncidentId, DateTimeOffset EvaluatedAt, IReadOnlyList<RegimeComplianceResponse> Regimes, IReadOnlyList<RequestResponse> Requests)
{
    public static CaseComplianceResponse From(string? incidentId, DateTimeOffset now, RegimeCase input, CaseEvaluation evaluation) => new(
        incidentId, now,
        [.. evaluation.Regimes.Select(r => new RegimeComplianceResponse(r.RegimeId, r.RegimeName, r.TimeZoneId, [.. r.Stages.Select(s => StageComplianceResponse.From(s, input))],
            r.InForceAtTheTime, r.InForceRemark, r.InForce?.From, r.InForce?.Until))],
        [.. evaluation.Requests.Select(r => RequestResponse.From(r, input.Requests.First(q => q.Id == r.RequestId)))]);

    /// <summary>ISO 8601 duration in whole seconds (P6DT18H), or null.</summary>
    public static string? Duration(TimeSpan? span) => Vigil.Domain.Json.IsoDuration.Format(span);
}

/// <param name="InForceAtTheTime">Whether the regime applied when the incident was received.</param>
/// <param name="InForceRemark">When it did not: "not in force at the time (in force from ...)"; the stages then show what it would have required.</param>
/// <param name="InForceFrom">The first day the regime applies in its home zone; null for a proposed rule or a regime without dates.</param>
/// <param name="InForceUntil">The last day it applied, if it has ended.</param>
public sealed record RegimeComplianceResponse(
    string Regime, string Name, string TimeZone, IReadOnlyList<StageComplianceResponse> Stages, bool InForceAtTheTime = true, string? InForceRemark = null,
    DateOnly? InForceFrom = null, DateOnly? InForceUntil = null);

/// <param name="State">not_started, pending, due_soon, overdue, met_on_time or met_late.</param>
/// <param name="DueLocal">The due time in the regime's home zone.</param>
/// <param name="LateBy">ISO 8601 duration by which the meeting submission was late.</param>
/// <param name="DelayReasonGiven">For a stage met late: whether the incident's delay_reason was given by then.</param>
public sealed record StageComplianceResponse(
    string Stage, string Name, string State, DateTimeOffset? DueUtc, DateTimeOffset? DueLocal, string? Basis, string? WaitsFor,
    long? MetBy, DateTimeOffset? MetAt, string? LateBy, IReadOnlyList<string> Required, CompletenessResponse? AtFiling,
    CompletenessResponse Now, bool? DelayReasonGiven)
{
    public static StageComplianceResponse From(StageEvaluation s, RegimeCase input) => new(
        s.StageId, s.StageName, s.StateName, s.DueUtc, s.DueLocal, s.Basis, s.WaitsFor, s.MetBy, s.MetAt,
        CaseComplianceResponse.Duration(s.Lateness), s.Required, CompletenessResponse.From(s.AtFiling), CompletenessResponse.From(s.Now)!,
        s.State == StageState.MetLate ? input.Submissions.First(f => f.Sequence == s.MetBy).ViewAfter.ContainsKey("delay_reason") : null);
}

public sealed record CompletenessResponse(IReadOnlyList<string> Missing, IReadOnlyList<string> DeclaredUnknown)
{
    public static CompletenessResponse? From(Completeness? c) => c is null ? null : new(c.Missing, c.DeclaredUnknown);
}

public sealed record StageReference(string Regime, string Stage);

/// <param name="Id">The request's sequence on the incident; an update answers it with <c>"answers_request": id</c>.</param>
/// <param name="State">open, answered_on_time, answered_late or overdue.</param>
public sealed record RequestResponse(
    long Id, string Question, IReadOnlyList<string> WantedFields, DateTimeOffset OpenedAt, DateTimeOffset DueAt, StageReference? ForStage,
    string State, long? AnsweredBy, DateTimeOffset? AnsweredAt, string? LateBy, CompletenessResponse? AtAnswer, CompletenessResponse Now)
{
    public static RequestResponse From(RequestEvaluation r, InformationRequest request) => new(
        long.Parse(r.RequestId, System.Globalization.CultureInfo.InvariantCulture), r.Question, r.WantedFields, request.OpenedAt, r.DueAt,
        request.ForStage is { } f ? new StageReference(f.RegimeId, f.StageId) : null, r.StateName, r.AnsweredBy, r.AnsweredAt,
        CaseComplianceResponse.Duration(r.Lateness), CompletenessResponse.From(r.AtAnswer), CompletenessResponse.From(r.Now)!);
}
