using Vigil.Data.Entities;
using Vigil.Domain.Record;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// The receipt for one revision of a note: the standard tlog-proof of its leaf and, around it, the fields the
/// commitment covers and its salt, so that anyone holding it can prove what the CERT published, and when.
/// </summary>
public sealed record NoteReceipt(
    string Format,
    string LogOrigin,
    long LeafIndex,
    string LeafHash,
    string Salt,
    string Kind,
    string NoteId,
    int Revision,
    string Version,
    string Summary,
    string ReceivedAt,
    string ContentSha256,
    string Proof)
{
    public const string FormatName = "vigil-note-receipt/v1";

    public static NoteReceipt For(NoteRevision revision, byte[] leafHash, string origin, string tlogProof) => new(
        FormatName,
        origin,
        revision.LeafIndex,
        Convert.ToBase64String(leafHash),
        Convert.ToBase64String(revision.Salt),
        revision.Kind,
        revision.NoteId,
        revision.Sequence,
        revision.Version,
        revision.Summary,
        SubmissionCommitment.FormatTime(revision.ReceivedAt),
        revision.ContentSha256,
        tlogProof);
}
