namespace Vigil.Ledger.Receipts;

/// <summary>
/// Why a receipt did not verify, in the order the checks run (docs/receipt.md). The log explorer's script
/// (the server's wwwroot/js/verify-receipt.js) runs the same checks in the same order and names its failure by the same reason, so
/// the page, the script and `vigil verify` give one verdict in the same words.
/// </summary>
public enum ReceiptFailureReason
{
    /// <summary>No verifier key given, or one that is not a verifier key.</summary>
    KeyMalformed,
    /// <summary>The receipt is not one JSON object (or repeats a member).</summary>
    NotJson,
    /// <summary>The JSON is not a receipt of this format.</summary>
    NotReceipt,
    /// <summary>A member the checks need is missing or malformed (named).</summary>
    BadField,
    /// <summary>The tlog-proof is not well formed.</summary>
    ProofMalformed,
    /// <summary>The proof's index is not the receipt's leaf index.</summary>
    IndexMismatch,
    /// <summary>The signed checkpoint is not well formed.</summary>
    CheckpointMalformed,
    /// <summary>No signature on the checkpoint is by a key given.</summary>
    NoKnownSignature,
    /// <summary>A signature by a key given does not verify (the key named).</summary>
    SignatureInvalid,
    /// <summary>The checkpoint is of another log than the receipt names.</summary>
    OriginMismatch,
    /// <summary>The leaf lies beyond the checkpoint's tree.</summary>
    OutsideTree,
    /// <summary>The inclusion proof does not lead to the checkpoint's root.</summary>
    NotIncluded,
    /// <summary>The content given is not JSON.</summary>
    ContentNotJson,
    /// <summary>The content given is not what the leaf commits to.</summary>
    ContentMismatch,
}

/// <summary>A failed check and what its sentence names (a field, a leaf, a tree size), invariant text.</summary>
public sealed record ReceiptFailure(ReceiptFailureReason Reason, params IReadOnlyList<string> Arguments)
{
    /// <summary>The sentence in English (the command line, and the message of <see cref="ReceiptVerifier.Verify"/>).</summary>
    public string English => ReceiptVerdictText.English(Reason.ToString(), [.. Arguments]);
}

/// <summary>A receipt's verdict: what it proves when it holds, else the first check that failed.</summary>
public sealed record ReceiptVerdict(ReceiptVerifier.Verified? Verified, ReceiptFailure? Failure)
{
    /// <summary>Whether every check passed.</summary>
    public bool Holds => Verified is not null;
}
