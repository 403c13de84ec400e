namespace Vigil.Domain.Regimes;

/// <summary>The verdict on one regime for one incident.</summary>
/// <param name="InForceAtTheTime">Whether the regime applied when the incident was received; when it did not, the
/// stages show what it would have required.</param>
/// <param name="InForceRemark">Null when the regime applied; else "not in force at the time" and its dates in force.</param>
/// <param name="InForce">The regime's dates in force, for a reader that words the remark itself.</param>
public sealed record RegimeEvaluation(
    string RegimeId, string RegimeName, string TimeZoneId, IReadOnlyList<StageEvaluation> Stages, bool InForceAtTheTime = true, string? InForceRemark = null,
    InForce? InForce = null);

/// <summary>The verdict on one stage.</summary>
/// <param name="DueUtc">The due time in UTC; null while the clock has not started or for "without delay".</param>
/// <param name="DueLocal">The same instant in the regime's home zone (IST for CERT-In).</param>
/// <param name="Basis">Why the stage is due then, in words.</param>
/// <param name="WaitsFor">For a stage not started: the event, stage or request its clock waits for.</param>
/// <param name="MetBy">The sequence of the submission that met the stage.</param>
/// <param name="Lateness">How late the meeting submission was; null when on time or unmet.</param>
/// <param name="AtFiling">Required fields missing or declared unknown in the view the meeting submission left.</param>
/// <param name="Now">The same, in the view after the latest submission under the regime (before any: all missing).</param>
public sealed record StageEvaluation(
    string StageId,
    string StageName,
    StageState State,
    DateTimeOffset? DueUtc,
    DateTimeOffset? DueLocal,
    string? Basis,
    string? WaitsFor,
    long? MetBy,
    DateTimeOffset? MetAt,
    TimeSpan? Lateness,
    IReadOnlyList<string> Required,
    Completeness? AtFiling,
    Completeness Now)
{
    public string StateName => StateNames.Of(State);
}

/// <summary>Every regime the incident is reported under, and its requests for information.</summary>
public sealed record CaseEvaluation(IReadOnlyList<RegimeEvaluation> Regimes, IReadOnlyList<RequestEvaluation> Requests);
