using System.Text.Json.Nodes;
using Vigil.Ledger.Receipts;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>A real receipt, altered the ways a forger or an accident would alter it; each named by the reason it must fail for.</summary>
public static class ReceiptTampering
{
    public sealed record Tampered(string Name, string Receipt, string ExpectedReason);

    public static IReadOnlyList<Tampered> All(JsonNode receipt) =>
    [
        new("flipped proof byte", FlipProofByte(receipt), "NotIncluded"),
        new("wrong checkpoint signature", FlipSignatureByte(receipt), "SignatureInvalid"),
        new("wrong index", With(receipt, "leaf_index", receipt["leaf_index"]!.GetValue<long>() + 1), "IndexMismatch"),
        new("wrong index in the proof too", MoveIndex(receipt, -1), "NotIncluded"),
        new("an index beyond its checkpoint", MoveIndex(receipt, +1), "OutsideTree"),
        new("another leaf's hash", With(receipt, "leaf_hash", Convert.ToBase64String(new byte[32])), "NotIncluded"),
        new("another log's name", With(receipt, "log_origin", "elsewhere.example/log"), "OriginMismatch"),
        new("no leaf hash", Without(receipt, "leaf_hash"), "BadField"),
        new("not a receipt", With(receipt, "format", "vigil-receipt/v0"), "NotReceipt"),
        new("cut short", receipt.ToJsonString()[..40], "NotJson"),
        // JSON has one kind of number: beyond the integers a double holds exactly, a browser reads another index.
        new("an index too large to read exactly", WithNumber(receipt, "leaf_index", "1e21"), "BadField"),
        new("a fractional sequence", WithNumber(receipt, "sequence", "1.5"), "BadField"),
        // JSON.parse would keep the last of the two: a reader must not see one receipt where the server sees another.
        new("a repeated member", "{\"kind\":\"update\"," + receipt.ToJsonString()[1..], "NotJson"),
    ];

    /// <summary>The content as filed with a forged member before the real one: only a reader keeping the last of the two would find it committed.</summary>
    public static string ContentWithRepeatedMember(string body) => "{\"title\": \"forged\", " + body.TrimStart()[1..];

    public static string With(JsonNode receipt, string member, JsonNode? value)
    {
        var copy = receipt.DeepClone();
        copy[member] = value;
        return copy.ToJsonString();
    }

    /// <summary>The member's number written as <paramref name="literal"/>, e.g. "1e21" or "9.0".</summary>
    public static string WithNumber(JsonNode receipt, string member, string literal)
    {
        var written = $"\"{member}\":{receipt[member]!.ToJsonString()}";
        var json = receipt.ToJsonString();
        Assert.Contains(written, json, StringComparison.Ordinal);
        return json.Replace(written, $"\"{member}\":{literal}", StringComparison.Ordinal);
    }

    public static string Without(JsonNode receipt, string member)
    {
        var copy = receipt.DeepClone().AsObject();
        copy.Remove(member);
        return copy.ToJsonString();
    }

    /// <summary>One bit of the first hash of the inclusion proof turned over.</summary>
    public static string FlipProofByte(JsonNode receipt)
    {
        var lines = Proof(receipt).Split('\n');
        Assert.True(lines[2].Length == 44, "the proof holds no hash to alter: the log needs more than one leaf");
        lines[2] = Flip(lines[2], 0);
        return With(receipt, "proof", string.Join('\n', lines));
    }

    /// <summary>One bit of the log's Ed25519 signature (after its 4-byte key ID) turned over.</summary>
    public static string FlipSignatureByte(JsonNode receipt)
    {
        var lines = Proof(receipt).Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("\u2014 ", StringComparison.Ordinal));
        var space = lines[at].LastIndexOf(' ');
        lines[at] = lines[at][..(space + 1)] + Flip(lines[at][(space + 1)..], 10);
        return With(receipt, "proof", string.Join('\n', lines));
    }

    /// <summary>
    /// The receipt and its proof both name another leaf: the path then leads elsewhere, or (a fresh receipt's checkpoint
    /// ending at its own leaf) past the tree.
    /// </summary>
    private static string MoveIndex(JsonNode receipt, int by)
    {
        var index = receipt["leaf_index"]!.GetValue<long>();
        var moved = JsonNode.Parse(With(receipt, "leaf_index", index + by))!;
        return With(moved, "proof", Proof(receipt).Replace($"\nindex {index}\n", $"\nindex {index + by}\n", StringComparison.Ordinal));
    }

    private static string Proof(JsonNode receipt) => receipt["proof"]!.GetValue<string>();

    private static string Flip(string base64, int at)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[at] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
