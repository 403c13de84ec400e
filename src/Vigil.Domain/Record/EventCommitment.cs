using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Json;

namespace Vigil.Domain.Record;

/// <summary>
/// What the public log holds for one event on the record (an administrative change, a read of a confidential
/// incident, a download): a salted commitment in its own domain, so that it can never be mistaken for a submission's
/// or a note revision's.
/// <code>
/// leaf data = SHA-256( "vigil/event/v1" || 0x00 || salt[32] || JCS({"actor_id", "content", "kind", "object_id", "object_kind", "received_at"}) )
/// </code>
/// </summary>
public static class EventCommitment
{
    public const string Domain = "vigil/event/v1";

    public static string CommittedDocument(EventFacts facts, string contentJson)
    {
        var document = new JsonObject
        {
            ["actor_id"] = facts.ActorId,
            ["content"] = JsonNode.Parse(contentJson),
            ["kind"] = facts.Kind,
            ["object_id"] = facts.ObjectId,
            ["object_kind"] = facts.ObjectKind,
            ["received_at"] = SubmissionCommitment.FormatTime(facts.ReceivedAt),
        };
        return CanonicalJson.Serialize(JsonSerializer.SerializeToElement(document));
    }

    /// <summary>The leaf data: 32 bytes.</summary>
    public static byte[] Compute(EventFacts facts, string contentJson, ReadOnlySpan<byte> salt) =>
        SaltedCommitment.Hash(Domain, salt, CommittedDocument(facts, contentJson));
}

/// <summary>The facts about an event that its commitment covers besides its details.</summary>
public sealed record EventFacts(string Kind, string ObjectKind, string ObjectId, string? ActorId, DateTimeOffset ReceivedAt);
