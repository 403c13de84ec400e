using Microsoft.Extensions.Localization;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Why a receipt did not verify, in the order the checks run (docs/receipt.md). The log explorer's script
/// (wwwroot/js/verify-receipt.js) runs the same checks in the same order and names its failure by the same reason, so
/// the page, the script and `vigil verify` give one verdict in the same words.
/// </summary>
public enum ReceiptFailureReason
{
    KeyMalformed,
    NotJson,
    NotReceipt,
    BadField,
    ProofMalformed,
    IndexMismatch,
    CheckpointMalformed,
    NoKnownSignature,
    SignatureInvalid,
    OriginMismatch,
    OutsideTree,
    NotIncluded,
    ContentNotJson,
    ContentMismatch,
}

/// <summary>A failed check and what its sentence names (a field, a leaf, a tree size), invariant text.</summary>
public sealed record ReceiptFailure(ReceiptFailureReason Reason, params IReadOnlyList<string> Arguments)
{
    /// <summary>The sentence in the reader's language (the pages).</summary>
    public string Describe(IStringLocalizer<ReceiptVerdictText> text) => text[Reason.ToString(), [.. Arguments]];

    /// <summary>The sentence in English (the command line, and the message of <see cref="ReceiptVerifier.Verify"/>).</summary>
    public string English => ReceiptVerdictText.English(Reason.ToString(), [.. Arguments]);
}

/// <summary>A receipt's verdict: what it proves when it holds, else the first check that failed.</summary>
public sealed record ReceiptVerdict(ReceiptVerifier.Verified? Verified, ReceiptFailure? Failure)
{
    public bool Holds => Verified is not null;
}
