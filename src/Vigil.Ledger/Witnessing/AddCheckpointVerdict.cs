using Vigil.Ledger.Checkpoints;

namespace Vigil.Ledger.Witnessing;

/// <summary>What a witness decides about an add-checkpoint request, in the terms of C2SP tlog-witness.</summary>
public enum AddCheckpointOutcome
{
    /// <summary>Consistent with what the witness saw before: it records and cosigns the checkpoint (200).</summary>
    Accepted,

    /// <summary>The request or its checkpoint is malformed, or the old size exceeds the checkpoint's (400).</summary>
    Malformed,

    /// <summary>No signature verifies with a key the witness trusts for the origin (403).</summary>
    Untrusted,

    /// <summary>The witness follows no log of that origin (404).</summary>
    UnknownLog,

    /// <summary>The old size is not the witness's latest cosigned size (409, with that size).</summary>
    Conflict,

    /// <summary>The checkpoint has the size of the latest cosigned one but another root: the log forked (409).</summary>
    Forked,

    /// <summary>The consistency proof does not verify (422).</summary>
    InconsistentProof,

    /// <summary>
    /// The checkpoint is the tree the witness holds, but the request carries proof hashes: between equal sizes RFC 9162
    /// accepts only an empty proof (422). The roots agree, so this is a malformed request, not evidence against the log.
    /// </summary>
    NonEmptyProof,
}

/// <summary>A witness's decision on one request.</summary>
/// <param name="Outcome">What it decided.</param>
/// <param name="Detail">Why, in words, for the log's operator.</param>
/// <param name="Checkpoint">The opened checkpoint, when its signature verified.</param>
/// <param name="LatestSize">The size of the latest checkpoint the witness had cosigned for the origin (0 if none).</param>
public sealed record AddCheckpointVerdict(AddCheckpointOutcome Outcome, string Detail, OpenedCheckpoint? Checkpoint, long LatestSize)
{
    /// <summary>Whether the log signed something inconsistent with what it signed before: evidence worth keeping.</summary>
    public bool IsEvidenceOfMisbehaviour => Outcome is AddCheckpointOutcome.Forked or AddCheckpointOutcome.InconsistentProof;

    /// <summary>The HTTP status tlog-witness gives this outcome.</summary>
    public int HttpStatus => Outcome switch
    {
        AddCheckpointOutcome.Accepted => 200,
        AddCheckpointOutcome.Malformed => 400,
        AddCheckpointOutcome.Untrusted => 403,
        AddCheckpointOutcome.UnknownLog => 404,
        AddCheckpointOutcome.Conflict or AddCheckpointOutcome.Forked => 409,
        _ => 422,
    };
}
