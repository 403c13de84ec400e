namespace Vigil.Data.Entities;

/// <summary>
/// The last run of one background job (reminders, provider sync, checkpoint signing, witness cosigning, clean-ups),
/// one row per job, so that an administrator sees what ran, when, and whether it failed. Never holds a secret: a
/// failure keeps the exception's type and a shortened message only.
/// </summary>
public sealed class JobRun
{
    /// <summary>The job's stable name, such as <c>reminders</c>.</summary>
    public required string Job { get; init; }
    public DateTimeOffset LastStartedAt { get; set; }
    public DateTimeOffset? LastFinishedAt { get; set; }
    /// <summary><c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string LastOutcome { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastSucceededAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    public long Runs { get; set; }
}
