using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Ledger.Receipts;

namespace Vigil.Cli.Commands;

/// <summary>
/// A receipt as a user keeps it: the bare receipt, or the whole answer of a submission (or of GET /api/v1/receipts/{i})
/// holding it in its <c>receipt</c> member, as the API returns it.
/// </summary>
/// <param name="ReceiptJson">The receipt's JSON (the file's text when it is not an answer holding a receipt).</param>
/// <param name="Answer">The answer around it, or null for a bare receipt.</param>
public sealed record ReceiptFile(string ReceiptJson, JsonObject? Answer)
{
    /// <summary>As the file is written back: indented, and '+' or non-ASCII text unescaped (keys and base64 stay readable).</summary>
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ReceiptFile Read(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject answer && answer["format"] is null && answer["receipt"] is JsonObject receipt
                && receipt["format"] is JsonValue format && format.TryGetValue<string>(out var name) && name == Receipt.FormatName)
            {
                return new ReceiptFile(receipt.ToJsonString(), answer);
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, or a member repeated: the verifier names what is wrong with it.
        }
        return new ReceiptFile(text, null);
    }

    /// <summary>The file's new text with <paramref name="receipt"/> in place of this one: the answer around it kept as it was.</summary>
    public string With(JsonObject receipt)
    {
        JsonNode written = receipt;
        if (Answer?.DeepClone() is JsonObject answer)
        {
            answer["receipt"] = receipt.DeepClone();
            written = answer;
        }
        return written.ToJsonString(Written) + "\n";
    }
}
