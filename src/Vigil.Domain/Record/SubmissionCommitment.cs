using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Json;

namespace Vigil.Domain.Record;

/// <summary>
/// What the public log holds for one submission: a salted, domain-separated SHA-256 commitment to exactly what was
/// filed. The log shows only this hash; whoever holds the salt and the content can prove what was filed, and when.
/// <code>
/// leaf data = SHA-256( "vigil/submission/v1" || 0x00 || salt[32] || JCS({"content", "incident_id", "kind", "received_at", "sequence"}) )
/// </code>
/// received_at is written as UTC with seven fractional digits (<see cref="FormatTime"/>), so that it reads back exactly.
/// </summary>
public static class SubmissionCommitment
{
    public const string Domain = "vigil/submission/v1";
    public const int SaltLength = SaltedCommitment.SaltLength;

    public static byte[] NewSalt() => SaltedCommitment.NewSalt();

    /// <summary>
    /// The time as the record keeps it: UTC, to the microsecond (what every supported database stores exactly), so
    /// that a commitment recomputed from the stored row matches the one made at submission.
    /// </summary>
    public static DateTimeOffset RecordTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical JSON the commitment covers.</summary>
    public static string CommittedDocument(string kind, string incidentId, int sequence, DateTimeOffset receivedAt, string contentJson)
    {
        var document = new JsonObject
        {
            ["content"] = JsonNode.Parse(contentJson),
            ["incident_id"] = incidentId,
            ["kind"] = kind,
            ["received_at"] = FormatTime(receivedAt),
            ["sequence"] = sequence,
        };
        return CanonicalJson.Serialize(JsonSerializer.SerializeToElement(document));
    }

    /// <summary>The leaf data: 32 bytes. The log's leaf hash is RFC 9162's SHA-256(0x00 || leaf data).</summary>
    public static byte[] Compute(string kind, string incidentId, int sequence, DateTimeOffset receivedAt, string contentJson, ReadOnlySpan<byte> salt) =>
        SaltedCommitment.Hash(Domain, salt, CommittedDocument(kind, incidentId, sequence, receivedAt, contentJson));
}
