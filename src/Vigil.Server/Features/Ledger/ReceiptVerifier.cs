using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Json;
using Vigil.Domain.Record;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Checks a receipt offline, with nothing but the log's verifier key: the checkpoint's signature, the leaf's
/// inclusion in it, and (given the content) that the content is exactly what was committed.
/// </summary>
public static class ReceiptVerifier
{
    public sealed record Verified(string Origin, long TreeSize, long LeafIndex, string Kind, string IncidentId, int Sequence, string ReceivedAt, bool ContentChecked);

    /// <summary>Throws <see cref="LedgerVerificationException"/> or <see cref="FormatException"/> naming what failed.</summary>
    public static Verified Verify(string receiptJson, IEnumerable<string> verifierKeys, string? contentJson)
    {
        JsonNode receipt;
        try
        {
            receipt = JsonNode.Parse(receiptJson) ?? throw new FormatException("The receipt is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The receipt is not JSON: {e.Message}", e);
        }
        if (Text(receipt, "format") != Receipt.FormatName)
        {
            throw new FormatException($"Not a {Receipt.FormatName} receipt.");
        }
        var leafHash = Convert.FromBase64String(Text(receipt, "leaf_hash"));
        var proof = TlogProof.Parse(Text(receipt, "proof"));
        if (proof.Index != Number(receipt, "leaf_index"))
        {
            throw new LedgerVerificationException($"The proof is for leaf {proof.Index}, the receipt names leaf {Number(receipt, "leaf_index")}.");
        }
        var opened = proof.Verify(leafHash, NoteVerifierSet.Parse(verifierKeys), Text(receipt, "log_origin"));

        var kind = Text(receipt, "kind");
        var incidentId = Text(receipt, "incident_id");
        var sequence = (int)Number(receipt, "sequence");
        var receivedAtText = Text(receipt, "received_at");
        if (contentJson is not null)
        {
            var receivedAt = DateTimeOffset.Parse(receivedAtText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            string content;
            try
            {
                using var document = JsonDocument.Parse(contentJson);
                content = CanonicalJson.Serialize(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new FormatException($"The content is not JSON: {e.Message}", e);
            }
            var commitment = SubmissionCommitment.Compute(kind, incidentId, sequence, receivedAt, content, Convert.FromBase64String(Text(receipt, "salt")));
            if (SubmissionCommitment.FormatTime(receivedAt) != receivedAtText || !MerkleHash.HashLeaf(commitment).AsSpan().SequenceEqual(leafHash))
            {
                throw new LedgerVerificationException("The content is not what was committed: the log holds a different submission for this leaf.");
            }
        }
        return new Verified(opened.Checkpoint.Origin, opened.Checkpoint.Size, proof.Index, kind, incidentId, sequence, receivedAtText, contentJson is not null);
    }

    private static string Text(JsonNode receipt, string name) =>
        receipt[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new FormatException($"The receipt has no '{name}'.");

    private static long Number(JsonNode receipt, string name) =>
        receipt[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : throw new FormatException($"The receipt has no '{name}'.");
}
