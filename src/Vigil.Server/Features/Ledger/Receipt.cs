using Vigil.Data.Entities;
using Vigil.Domain.Record;

namespace Vigil.Server.Features.Ledger;

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
    public const string FormatName = "vigil-receipt/v1";

    public static Receipt For(Submission submission, byte[] leafHash, string origin, string tlogProof) => new(
        FormatName,
        origin,
        submission.LeafIndex,
        Convert.ToBase64String(leafHash),
        Convert.ToBase64String(submission.Salt),
        submission.Kind,
        submission.IncidentId,
        submission.Sequence,
        SubmissionCommitment.FormatTime(submission.ReceivedAt),
        submission.ContentSha256,
        tlogProof);
}
