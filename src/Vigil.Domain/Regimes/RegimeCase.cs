using System.Text.Json.Nodes;

namespace Vigil.Domain.Regimes;

/// <summary>
/// What the engine needs to know about one incident, independent of how it is stored.
/// </summary>
/// <param name="ClockEvents">Moments by their stable names (<see cref="Regimes.ClockEvents"/>); an event not yet
/// known is simply absent.</param>
/// <param name="Submissions">Every submission on the incident; the engine orders them by sequence.</param>
/// <param name="Requests">The authority's requests for information on the incident.</param>
public sealed record RegimeCase(
    IReadOnlyDictionary<string, DateTimeOffset> ClockEvents,
    IReadOnlyList<FiledSubmission> Submissions,
    IReadOnlyList<InformationRequest> Requests);

/// <summary>One submission as the engine sees it.</summary>
/// <param name="Kind">report, update, answer, status... (informational).</param>
/// <param name="RegimeIds">The regimes the submission is filed under; it counts only for these.</param>
/// <param name="ViewAfter">The incident's folded view after this submission.</param>
/// <param name="FiledAs">The stages the reporter said it files this as. Null lets the engine infer them (see
/// <see cref="StageMatching"/>); a list, even one naming no stage of a regime, is taken as the reporter's word.</param>
/// <param name="AnswersRequest">The id of the information request this submission answers, if any.</param>
public sealed record FiledSubmission(
    long Sequence,
    string Kind,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> RegimeIds,
    JsonObject ViewAfter,
    IReadOnlyList<StageFiling>? FiledAs = null,
    string? AnswersRequest = null);

/// <summary>A regime's stage, as named in a filing or a request.</summary>
public sealed record StageFiling(string RegimeId, string StageId);

/// <summary>A request for information: a clock of its own, answered by a submission that names it.</summary>
/// <param name="WantedFields">Incident fields the answer should supply (dotted paths allowed).</param>
/// <param name="ForStage">The regime stage the request opens, for stages a regime ties to a request ("further
/// information on request", NIS2's intermediate report).</param>
public sealed record InformationRequest(
    string Id,
    string Question,
    IReadOnlyList<string> WantedFields,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    StageFiling? ForStage = null);
