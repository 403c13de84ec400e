using Vigil.Ledger.Checkpoints;

namespace Vigil.Cli.Follow;

/// <summary>What one round of following found.</summary>
public enum FollowOutcome
{
    /// <summary>The log has not grown since the stored checkpoint.</summary>
    Unchanged,

    /// <summary>The log grew consistently; the new tiles and checkpoint are mirrored.</summary>
    Advanced,

    /// <summary>The served checkpoint or tiles contradict the stored checkpoint or each other.</summary>
    Alarm,
}

/// <param name="Stored">The checkpoint the mirror held before the round (null on the first).</param>
/// <param name="Served">The checkpoint the log serves now, its signature verified.</param>
/// <param name="Detail">For an alarm, what is inconsistent.</param>
/// <param name="TilesMirrored">How many tiles and entry bundles the round wrote.</param>
public sealed record FollowRound(FollowOutcome Outcome, Checkpoint? Stored, Checkpoint Served, string Detail, int TilesMirrored);
