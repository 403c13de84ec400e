using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Json;
using Vigil.Domain.Record;

namespace Vigil.Domain.Notes;

/// <summary>
/// What the public log holds for one revision of a vulnerability note (its publication, a revision, its withdrawal):
/// a salted commitment in its own domain, so that it can never be mistaken for an incident submission's.
/// <code>
/// leaf data = SHA-256( "vigil/note/v1" || 0x00 || salt[32] || JCS({"content", "kind", "note_id", "received_at", "revision", "summary", "version"}) )
/// </code>
/// </summary>
public static class NoteCommitment
{
    public const string Domain = "vigil/note/v1";

    public static string CommittedDocument(NoteRevisionFacts revision, string contentJson)
    {
        var document = new JsonObject
        {
            ["content"] = JsonNode.Parse(contentJson),
            ["kind"] = revision.Kind,
            ["note_id"] = revision.NoteId,
            ["received_at"] = SubmissionCommitment.FormatTime(revision.ReceivedAt),
            ["revision"] = revision.Sequence,
            ["summary"] = revision.Summary,
            ["version"] = revision.Version,
        };
        return CanonicalJson.Serialize(JsonSerializer.SerializeToElement(document));
    }

    /// <summary>The leaf data: 32 bytes.</summary>
    public static byte[] Compute(NoteRevisionFacts revision, string contentJson, ReadOnlySpan<byte> salt) =>
        SaltedCommitment.Hash(Domain, salt, CommittedDocument(revision, contentJson));
}

/// <summary>The facts about a note revision that its commitment covers besides the content.</summary>
public sealed record NoteRevisionFacts(string NoteId, int Sequence, string Kind, string Version, string Summary, DateTimeOffset ReceivedAt);
