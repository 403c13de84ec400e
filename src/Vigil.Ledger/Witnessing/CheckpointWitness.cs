using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Witnessing;

/// <summary>
/// The checks a C2SP tlog-witness makes before it cosigns a checkpoint: the log is one it follows, the log signed
/// it, and it extends (or equals) the latest checkpoint the witness cosigned for that origin. The caller keeps
/// that latest checkpoint per origin, and must evaluate and record atomically so that two requests cannot roll
/// the witness back.
/// </summary>
public sealed class CheckpointWitness
{
    private readonly NoteSigner _cosigner;
    private readonly Dictionary<string, NoteVerifierSet> _logs;

    /// <summary>A witness cosigning with <paramref name="cosigner"/> for the logs whose keys are given; each key's name is its log's origin.</summary>
    public CheckpointWitness(NoteSigner cosigner, IEnumerable<NoteVerifier> logKeys)
    {
        ArgumentNullException.ThrowIfNull(logKeys);
        _cosigner = cosigner ?? throw new ArgumentNullException(nameof(cosigner));
        _logs = logKeys.GroupBy(k => k.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new NoteVerifierSet(g), StringComparer.Ordinal);
    }

    /// <summary>The origins of the logs this witness follows.</summary>
    public IReadOnlyCollection<string> Origins => _logs.Keys;

    /// <summary>Decides on <paramref name="request"/>, given the latest checkpoint cosigned for its origin (null if none).</summary>
    public AddCheckpointVerdict Evaluate(AddCheckpointRequest request, Checkpoint? latest)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claimed = request.Claimed;
        var latestSize = latest?.Size ?? 0;
        if (!_logs.TryGetValue(claimed.Origin, out var verifiers))
        {
            return new(AddCheckpointOutcome.UnknownLog, $"This witness follows no log '{claimed.Origin}'.", null, 0);
        }

        NoteVerification verification;
        try
        {
            verification = request.Note.Verify(verifiers);
        }
        catch (LedgerVerificationException e)
        {
            return new(AddCheckpointOutcome.Untrusted, e.Message, null, latestSize);
        }

        var opened = new OpenedCheckpoint(claimed, request.Note, verification);
        AddCheckpointVerdict Verdict(AddCheckpointOutcome outcome, string detail) => new(outcome, detail, opened, latestSize);
        if (request.OldSize > claimed.Size)
        {
            return Verdict(AddCheckpointOutcome.Malformed, $"The old size {request.OldSize} is larger than the checkpoint's size {claimed.Size}.");
        }

        if (request.OldSize != latestSize)
        {
            return Verdict(AddCheckpointOutcome.Conflict, $"The latest checkpoint cosigned for this log has size {latestSize}, not {request.OldSize}.");
        }

        if (latest is not null && latest.Size == claimed.Size)
        {
            if (!latest.RootHash.AsSpan().SequenceEqual(claimed.RootHash))
            {
                return Verdict(AddCheckpointOutcome.Forked, $"A checkpoint of size {claimed.Size} with another root hash was cosigned before: the log forked.");
            }
            // RFC 9162 2.1.4.2: a proof between equal sizes verifies only when it is empty.
            return request.Proof.Count == 0
                ? Verdict(AddCheckpointOutcome.Accepted, "Same tree as the latest cosigned checkpoint.")
                : Verdict(AddCheckpointOutcome.NonEmptyProof, $"The old size equals the checkpoint's size {claimed.Size}: the consistency proof must be empty.");
        }

        if (request.OldSize == 0)
        {
            return request.Proof.Count == 0
                ? Verdict(AddCheckpointOutcome.Accepted, "Any tree extends the empty one.")
                : Verdict(AddCheckpointOutcome.Malformed, "A consistency proof from size 0 must be empty.");
        }

        var proof = new ConsistencyProof(request.OldSize, claimed.Size, request.Proof);
        return proof.IsValid(latest!.RootHash, claimed.RootHash)
            ? Verdict(AddCheckpointOutcome.Accepted, $"Consistent with the checkpoint of size {latestSize}.")
            : Verdict(AddCheckpointOutcome.InconsistentProof, $"The consistency proof from size {request.OldSize} to {claimed.Size} does not verify.");
    }

    /// <summary>The cosignature line for an accepted checkpoint (a C2SP tlog-cosignature).</summary>
    public NoteSignature Cosign(OpenedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return _cosigner.SignText(checkpoint.Note.Text);
    }
}
