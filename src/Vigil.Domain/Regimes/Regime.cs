namespace Vigil.Domain.Regimes;

/// <summary>
/// A reporting regime read from one file under <c>regimes/</c>: who must report what to whom, by when, with which
/// details. The rules are data; <see cref="RegimeEvaluator"/> turns them and an incident's history into a verdict.
/// </summary>
/// <param name="TimeZone">The regime's home zone (IANA), used for calendar arithmetic and for display.</param>
/// <param name="Status">Set where a rule is proposed, not yet applicable, or read with some doubt.</param>
public sealed record Regime(
    string Id,
    string Name,
    string Jurisdiction,
    TimeZoneInfo TimeZone,
    Uri LegalReference,
    IReadOnlyList<Uri> Sources,
    string? Status,
    IReadOnlyList<RegimeStage> Stages)
{
    /// <summary>When the regime applies (<c>in_force_from</c>, <c>in_force_until</c> in its file).</summary>
    public InForce InForce { get; init; } = InForce.Always;

    public RegimeStage Stage(string id) =>
        Stages.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"regime {Id} has no stage '{id}'", nameof(id));
}

/// <summary>One report a regime asks for, with the clock that governs it and the details it must carry.</summary>
/// <param name="Within">How long after the clock starts the stage is due; null for a stage opened by a request,
/// whose due time the request sets.</param>
/// <param name="Backstops">Outer limits: the stage is due at the earliest of its own deadline and every backstop.</param>
/// <param name="NonWorkingDay">How a due time on a non-working day moves, where the regime says so.</param>
/// <param name="Requires">Incident fields the stage requires, dotted for nested members (<c>affected_users.by_country</c>).</param>
public sealed record RegimeStage(
    string Id,
    string Name,
    ClockStart Starts,
    Period? Within,
    IReadOnlyList<Backstop> Backstops,
    NonWorkingDayRule? NonWorkingDay,
    IReadOnlyList<string> Requires,
    string? Note);

/// <summary>"And never later than <see cref="Within"/> after <see cref="Event"/>."</summary>
public sealed record Backstop(string Event, Period Within);

/// <summary>A due time on a non-working day of <see cref="Calendar"/> moves to <see cref="At"/> on the next working day.</summary>
public sealed record NonWorkingDayRule(string Calendar, TimeOnly At);
