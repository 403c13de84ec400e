namespace Vigil.Domain.Regimes;

/// <summary>
/// The stable names of the moments a regime's clock can start from. The server fills them from the incident:
/// <c>noticed</c> from <c>detected_at</c>, <c>occurred</c> from <c>occurred_at</c>; the others need incident fields
/// of their own.
/// </summary>
public static class ClockEvents
{
    /// <summary>The reporter noticed the incident or was made aware of it (the incident's <c>detected_at</c>).</summary>
    public const string Noticed = "noticed";

    /// <summary>The incident began (the incident's <c>occurred_at</c>).</summary>
    public const string Occurred = "occurred";

    /// <summary>The reporter classified the incident as major (DORA).</summary>
    public const string ClassifiedMajor = "classified_major";

    /// <summary>The registrant determined the incident to be material (SEC Item 1.05).</summary>
    public const string MaterialityDetermined = "materiality_determined";

    /// <summary>A ransom was paid (CIRCIA).</summary>
    public const string RansomPaid = "ransom_paid";

    /// <summary>A correction or mitigating measure became available (CRA's final report on a vulnerability).</summary>
    public const string FixAvailable = "fix_available";

    /// <summary>Substantial new or different information became available (SEC amendments, CIRCIA supplements).</summary>
    public const string NewInformation = "new_information";

    public static readonly IReadOnlyList<string> All =
        [Noticed, Occurred, ClassifiedMajor, MaterialityDetermined, RansomPaid, FixAvailable, NewInformation];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
