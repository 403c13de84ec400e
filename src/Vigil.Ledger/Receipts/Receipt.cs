namespace Vigil.Ledger.Receipts;

/// <summary>
/// What a submitter keeps to prove, later and offline, what it filed and when: the standard tlog-proof (index,
/// inclusion proof, signed checkpoint) and, around it, what only the submitter holds: the salt and the committed fields.
/// docs/receipt.md writes the format down.
/// </summary>
public sealed record Receipt(
    string Format,
    string LogOrigin,
    long LeafIndex,
    string LeafHash,
    string Salt,
    string Kind,
    string IncidentId,
    int Sequence,
    string ReceivedAt,
    string ContentSha256,
    string Proof)
{
    /// <summary>The value of <c>format</c> that names this shape.</summary>
    public const string FormatName = "vigil-receipt/v1";
}
