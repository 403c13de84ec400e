using System.Text.Json.Nodes;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Receipts;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil verify --json`: what the check found, as one object on standard output, for scripts. A receipt that does
/// not hold is <c>{"holds": false, "failure": …}</c> (still exit 1); one that holds names what is proved and, without
/// the content, what is not.
/// </summary>
public static class VerifyJson
{
    public static JsonObject Failed(string failure) => new() { ["holds"] = false, ["failure"] = failure };

    public static JsonObject Held(ReceiptVerifier.Verified verified, CheckpointCosignatures.Result? cosignatures)
    {
        var held = new JsonObject
        {
            ["holds"] = true,
            ["origin"] = verified.Origin,
            ["tree_size"] = verified.TreeSize,
            ["leaf_index"] = verified.LeafIndex,
            ["content_checked"] = verified.ContentChecked,
        };
        if (verified.ContentChecked)
        {
            // Only the content proves the fields the commitment covers; without it the receipt's own words are not repeated.
            held["kind"] = verified.Kind;
            held["incident_id"] = verified.IncidentId;
            held["sequence"] = verified.Sequence;
            held["received_at"] = verified.ReceivedAt;
        }
        else
        {
            held["not_proved"] = VerifyCommand.NotProvedWithoutContent;
        }
        held["cosignatures"] = Cosignatures(cosignatures);
        held["not_cosigned_by"] = new JsonArray([.. (cosignatures?.Absent ?? []).Select(k => JsonValue.Create(k))]);
        return held;
    }

    /// <summary>The witnesses' cosignatures that verify, each with its witness, key and time.</summary>
    public static JsonArray Cosignatures(CheckpointCosignatures.Result? cosignatures) =>
        new([.. (cosignatures?.Cosigned ?? []).Select(c => new JsonObject
        {
            ["witness"] = c.Witness, ["key"] = c.Key, ["cosigned_at"] = c.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        })]);
}
