namespace Vigil.Ledger.Notes;

/// <summary>The result of opening a note: its text and which signatures verified.</summary>
/// <param name="Text">The note text, ending in a newline; trust it only because verification succeeded.</param>
/// <param name="Verified">Signatures by known keys, all valid; at least one.</param>
/// <param name="Unverified">Signatures by unknown keys, ignored.</param>
public sealed record NoteVerification(string Text, IReadOnlyList<NoteSignature> Verified, IReadOnlyList<NoteSignature> Unverified);
