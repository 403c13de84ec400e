using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Checkpoints;

/// <summary>A checkpoint whose signed note verified.</summary>
/// <param name="Checkpoint">The parsed checkpoint.</param>
/// <param name="Note">The signed note as received.</param>
/// <param name="Verification">Which signatures verified and which were ignored.</param>
public sealed record OpenedCheckpoint(Checkpoint Checkpoint, SignedNote Note, NoteVerification Verification);
