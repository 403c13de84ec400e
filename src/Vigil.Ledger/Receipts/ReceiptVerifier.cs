using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Json;
using Vigil.Domain.Record;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using static Vigil.Ledger.Receipts.ReceiptFailureReason;

namespace Vigil.Ledger.Receipts;

/// <summary>
/// Checks a receipt offline, with nothing but the log's verifier key: the checkpoint's signature, the leaf's
/// inclusion in it, and (given the content) that the content is exactly what was committed. `vigil verify` and the
/// log explorer's page both call <see cref="Check"/>; the page's script repeats its steps, in this order.
/// </summary>
public static class ReceiptVerifier
{
    /// <summary>What a receipt that holds proves: its leaf is in the tree the signed checkpoint commits to.</summary>
    /// <param name="Origin">The log, as its checkpoint names it.</param>
    /// <param name="TreeSize">The size of the checkpoint's tree.</param>
    /// <param name="LeafIndex">The leaf's position in the log.</param>
    /// <param name="Kind">The submission's kind, as the receipt states it (proved only with the content).</param>
    /// <param name="IncidentId">The incident, as the receipt states it (proved only with the content).</param>
    /// <param name="Sequence">The submission's sequence in its incident, as the receipt states it.</param>
    /// <param name="ReceivedAt">When the server received it, as the receipt states it.</param>
    /// <param name="ContentChecked">Whether the content was given and is what the leaf commits to.</param>
    public sealed record Verified(string Origin, long TreeSize, long LeafIndex, string Kind, string IncidentId, int Sequence, string ReceivedAt, bool ContentChecked);

    /// <summary>2^53 - 1: the largest integer below which every integer is a double (ECMAScript's Number.MAX_SAFE_INTEGER).</summary>
    private const double MaxSafeInteger = 9_007_199_254_740_991;

    private const string ReceivedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The receipt's members every check needs, in the order a missing one is reported.</summary>
    private static readonly string[] TextMembers = ["log_origin", "leaf_hash", "kind", "incident_id", "received_at", "proof"];

    /// <summary>Verifier keys written one a line (as /ledger/key serves them, or pasted), blank lines ignored.</summary>
    public static IReadOnlyList<string> KeysIn(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Throws <see cref="LedgerVerificationException"/> naming the first check that failed.</summary>
    public static Verified Verify(string receiptJson, IEnumerable<string> verifierKeys, string? contentJson)
    {
        var verdict = Check(receiptJson, verifierKeys, contentJson);
        return verdict.Verified ?? throw new LedgerVerificationException(verdict.Failure!.English);
    }

    /// <summary>The verdict on a receipt: what it proves, or the first check that failed and why.</summary>
    public static ReceiptVerdict Check(string receiptJson, IEnumerable<string> verifierKeys, string? contentJson)
    {
        NoteVerifierSet keys;
        try
        {
            keys = NoteVerifierSet.Parse(verifierKeys.Distinct(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Fail(KeyMalformed);
        }
        if (keys.Verifiers.Count == 0)
        {
            return Fail(KeyMalformed);
        }
        if (Parse(receiptJson) is not { } receipt)
        {
            return Fail(NotJson);
        }
        if (Text(receipt, "format") != Receipt.FormatName)
        {
            return Fail(NotReceipt);
        }
        if (TextMembers.FirstOrDefault(m => Text(receipt, m) is null) is { } missing)
        {
            return Fail(BadField, missing);
        }
        if (Integer(receipt, "leaf_index") is not { } leafIndex)
        {
            return Fail(BadField, "leaf_index");
        }
        if (Integer(receipt, "sequence") is not { } sequence || sequence is < 0 or > int.MaxValue)
        {
            return Fail(BadField, "sequence");
        }
        if (Hash(Text(receipt, "leaf_hash")) is not { } leafHash)
        {
            return Fail(BadField, "leaf_hash");
        }

        TlogProof proof;
        try
        {
            proof = TlogProof.Parse(Text(receipt, "proof")!);
        }
        catch (FormatException)
        {
            return Fail(ProofMalformed);
        }
        if (proof.Index != leafIndex)
        {
            return Fail(IndexMismatch, Invariant(proof.Index), Invariant(leafIndex));
        }
        if (Open(proof.SignedCheckpoint, keys, out var checkpoint) is { } unopened)
        {
            return new ReceiptVerdict(null, unopened);
        }
        var origin = Text(receipt, "log_origin")!;
        if (checkpoint.Origin != origin)
        {
            return Fail(OriginMismatch, checkpoint.Origin, origin);
        }
        if (proof.Index >= checkpoint.Size)
        {
            return Fail(OutsideTree, Invariant(proof.Index), Invariant(checkpoint.Size));
        }
        if (!new InclusionProof(proof.Index, checkpoint.Size, proof.InclusionProof).IsValid(leafHash, checkpoint.RootHash))
        {
            return Fail(NotIncluded, Invariant(proof.Index), Invariant(checkpoint.Size));
        }

        var kind = Text(receipt, "kind")!;
        var incidentId = Text(receipt, "incident_id")!;
        var receivedAt = Text(receipt, "received_at")!;
        if (contentJson is not null && Commitment(receipt, kind, incidentId, (int)sequence, receivedAt, contentJson) is { } different)
        {
            return new ReceiptVerdict(null, different);
        }
        return new ReceiptVerdict(new Verified(checkpoint.Origin, checkpoint.Size, proof.Index, kind, incidentId, (int)sequence, receivedAt, contentJson is not null), null);
    }

    /// <summary>Null when the checkpoint's signed note is well formed, signed by a key given, and every such signature holds; else why not.</summary>
    private static ReceiptFailure? Open(string signedCheckpoint, NoteVerifierSet keys, out Checkpoint checkpoint)
    {
        checkpoint = null!;
        SignedNote note;
        try
        {
            note = SignedNote.Parse(signedCheckpoint);
        }
        catch (FormatException)
        {
            return new ReceiptFailure(CheckpointMalformed);
        }
        if (!note.Signatures.Any(s => keys.Find(s.Name, s.KeyId) is not null))
        {
            return new ReceiptFailure(NoKnownSignature);
        }
        try
        {
            checkpoint = Checkpoint.Parse(note.Verify(keys).Text);
            return null;
        }
        catch (LedgerVerificationException)
        {
            return new ReceiptFailure(SignatureInvalid, FailingKey(note, keys));
        }
        catch (FormatException)
        {
            return new ReceiptFailure(CheckpointMalformed);
        }
    }

    /// <summary>Which key's signature <see cref="SignedNote.Verify"/> refused: the first known one that fails, a repeat of a key skipped as it does.</summary>
    private static string FailingKey(SignedNote note, NoteVerifierSet keys)
    {
        var text = Encoding.UTF8.GetBytes(note.Text);
        var checkedKeys = new HashSet<(string, uint)>();
        foreach (var signature in note.Signatures)
        {
            if (keys.Find(signature.Name, signature.KeyId) is { } key && checkedKeys.Add((signature.Name, signature.KeyId)) && !key.Verify(text, signature.Signature))
            {
                return key.ToString();
            }
        }
        return "";
    }

    /// <summary>Null when the content, canonicalised, is what the leaf commits to; else why not.</summary>
    private static ReceiptFailure? Commitment(JsonObject receipt, string kind, string incidentId, int sequence, string receivedAtText, string contentJson)
    {
        if (Hash(Text(receipt, "salt")) is not { } salt)
        {
            return new ReceiptFailure(BadField, "salt");
        }
        if (!DateTimeOffset.TryParseExact(receivedAtText, ReceivedAtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var receivedAt))
        {
            return new ReceiptFailure(BadField, "received_at");
        }
        string content;
        try
        {
            // A repeated member is refused, as the API refuses it: a reader keeping the last of the two would see other content.
            using var document = JsonDocument.Parse(contentJson, new JsonDocumentOptions { AllowDuplicateProperties = false });
            content = CanonicalJson.Serialize(document.RootElement);
        }
        catch (JsonException)
        {
            return new ReceiptFailure(ContentNotJson);
        }
        var commitment = SubmissionCommitment.Compute(kind, incidentId, sequence, receivedAt, content, salt);
        return MerkleHash.HashLeaf(commitment).AsSpan().SequenceEqual(Hash(Text(receipt, "leaf_hash")))
            ? null
            : new ReceiptFailure(ContentMismatch);
    }

    private static JsonObject? Parse(string json)
    {
        try
        {
            // A repeated member anywhere is refused, as the page's script refuses it.
            using (JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false }))
            {
            }
            var receipt = JsonNode.Parse(json) as JsonObject;
            // The whole answer of a submission (or of GET /api/v1/receipts/{i}) holds the receipt in its "receipt" member.
            return receipt is not null && !receipt.ContainsKey("format") && receipt["receipt"] is JsonObject inner ? inner : receipt;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject receipt, string name) =>
        receipt[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// A whole number as JSON means it (9, 9.0 and 9e0 alike, as a browser reads them), within the integers a double
    /// holds exactly: the page's script reads the receipt so, and must give the same verdict.
    /// </summary>
    private static long? Integer(JsonObject receipt, string name) =>
        receipt[name] is JsonValue value && value.TryGetValue<double>(out var number) && double.IsInteger(number) && Math.Abs(number) <= MaxSafeInteger
            ? (long)number
            : null;

    /// <summary>32 bytes in canonical base64 (what the server writes), else null.</summary>
    private static byte[]? Hash(string? base64)
    {
        var bytes = new byte[MerkleHash.Size];
        return base64 is { Length: 44 } && Convert.TryFromBase64String(base64, bytes, out var written) && written == MerkleHash.Size
            && Convert.ToBase64String(bytes) == base64 ? bytes : null;
    }

    private static string Invariant(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static ReceiptVerdict Fail(ReceiptFailureReason reason, params string[] arguments) => new(null, new ReceiptFailure(reason, arguments));
}
