using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Receipts;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil receipt refresh FILE --key VKEY [--witness-key KEY]`: fetches the receipt held in FILE again (proved in the
/// latest checkpoint the log's witnesses cosigned), checks it offline as `vigil verify` does, and replaces the file
/// only when the new receipt is for the same leaf, verifies, and carries no fewer cosignatures.
/// </summary>
public static class ReceiptCommands
{
    public static Command Create(CliOutput io)
    {
        var server = new Option<string?>("--server") { Description = ConnectionSettings.ServerOptionHelp, Recursive = true };
        var token = new Option<string?>("--token") { Description = "An API token (else VIGIL_TOKEN or the config file).", Recursive = true };
        var receipts = new Command("receipt", "Receipts kept from submissions.") { server, token };

        var file = new Argument<FileInfo>("FILE") { Description = "The receipt (JSON), or the whole answer of the submission holding it; replaced in place." };
        var key = new Option<string[]>("--key")
        {
            Description = "The log's verifier key (as published at /ledger/key); repeat for retired keys, or give a file holding them.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var witnessKey = new Option<string[]>("--witness-key")
        {
            Description = "A witness's verifier key (or a file of them), obtained from the witness; else those the server lists at /ledger/witnesses.",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print the outcome as one JSON object (outcome, leaf_index, tree_size, previous_tree_size, cosignatures, witnessing; or failure)." };
        var refresh = new Command("refresh", "Fetch the receipt again, proved in the latest cosigned checkpoint; verify it offline and replace FILE only if it holds.\nExample: vigil receipt refresh report.receipt.json --key VKEY")
        {
            file, key, witnessKey, json,
        };
        refresh.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!.FullName;
            string text, logKeys, witnessKeys;
            try
            {
                text = await File.ReadAllTextAsync(path, cancellationToken);
                logKeys = VerifyCommand.KeyText(parsed.GetValue(key));
                witnessKeys = VerifyCommand.KeyText(parsed.GetValue(witnessKey));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await io.Error.WriteLineAsync($"Cannot read a file: {e.Message}");
                return ExitCodes.LocalFile;
            }
            var held = ReceiptFile.Read(text);
            var keys = ReceiptVerifier.KeysIn(logKeys);
            var heldVerdict = ReceiptVerifier.Check(held.ReceiptJson, keys, null);
            if (heldVerdict.Verified is not { } before)
            {
                await io.Error.WriteLineAsync($"FAILED: the receipt in {path} does not verify, so there is nothing to refresh: {heldVerdict.Failure!.English}");
                return ExitCodes.Rejected;
            }

            ApiAnswer? fetched = null;
            string? listedWitnesses = null;
            var called = await ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), async client =>
            {
                if (witnessKeys.Length == 0 && await client.GetAsync("/ledger/witnesses", cancellationToken, "text/plain") is { IsSuccess: true } listed)
                {
                    listedWitnesses = listed.Body;
                }
                return await client.GetAsync($"/api/v1/receipts/{before.LeafIndex}", cancellationToken);
            }, echoFailure: false, answer => { fetched = answer; return Task.CompletedTask; });
            if (called != ExitCodes.Ok)
            {
                return called;
            }
            var witnesses = ReceiptVerifier.KeysIn(listedWitnesses ?? witnessKeys);
            return await new Refresh(io, path, held, keys, witnesses, listedWitnesses is not null, parsed.GetValue(json)).RunAsync(before, fetched!, cancellationToken);
        });
        receipts.Subcommands.Add(refresh);
        return receipts;
    }

    private sealed class Refresh(CliOutput io, string path, ReceiptFile held, IReadOnlyList<string> logKeys, IReadOnlyList<string> witnessKeys, bool keysFromServer, bool json)
    {
        public async Task<int> RunAsync(ReceiptVerifier.Verified before, ApiAnswer fetched, CancellationToken cancellationToken)
        {
            var answer = AnswerPrinter.TryParse(fetched.Body) as JsonObject;
            if (answer?["receipt"] is not JsonObject receipt)
            {
                return await FailAsync("the server's answer holds no receipt.");
            }
            var verdict = ReceiptVerifier.Check(receipt.ToJsonString(), logKeys, null);
            if (verdict.Verified is not { } after)
            {
                return await FailAsync($"the server's receipt does not verify: {verdict.Failure!.English}");
            }
            var old = JsonNode.Parse(held.ReceiptJson)!.AsObject();
            var differing = old.Select(p => p.Key).Union(receipt.Select(p => p.Key))
                .Where(m => m != "proof" && !JsonNode.DeepEquals(old[m], receipt[m])).ToList();
            if (differing.Count > 0)
            {
                return await FailAsync($"the server's receipt is not for the same submission: its {string.Join(", ", differing)} differ from the receipt held.");
            }
            var oldCosignatures = VerifyCommand.Cosignatures(held.ReceiptJson, witnessKeys, out var keyProblem);
            var newCosignatures = VerifyCommand.Cosignatures(receipt.ToJsonString(), witnessKeys, out _);
            if (keyProblem is not null)
            {
                await io.Error.WriteLineAsync("FAILED: " + keyProblem);
                return ExitCodes.Usage;
            }
            if (newCosignatures!.Invalid.Count > 0)
            {
                return await FailAsync($"the cosignature by {string.Join(", ", newCosignatures.Invalid)} on the server's receipt does not verify.");
            }
            var unchanged = receipt["proof"]!.GetValue<string>() == old["proof"]!.GetValue<string>();
            if (!unchanged && newCosignatures.Cosigned.Count < oldCosignatures!.Cosigned.Count)
            {
                if (json)
                {
                    await io.Out.WriteLineAsync(CliJson.Write(Outcome("kept", before, before, oldCosignatures, answer)));
                    return ExitCodes.Ok;
                }
                await io.Out.WriteLineAsync($"Kept {path}: the server's receipt carries fewer cosignatures ({newCosignatures.Cosigned.Count}) than the one held ({oldCosignatures.Cosigned.Count}).");
                return ExitCodes.Ok;
            }
            if (!unchanged)
            {
                await AtomicFile.WriteAllTextAsync(path, held.With(receipt), cancellationToken);
            }
            if (json)
            {
                await io.Out.WriteLineAsync(CliJson.Write(Outcome(unchanged ? "unchanged" : "replaced", after, before, newCosignatures, answer)));
                return ExitCodes.Ok;
            }
            await io.Out.WriteLineAsync(unchanged
                ? $"Unchanged: {path} already holds the latest receipt (leaf {after.LeafIndex}, tree size {after.TreeSize})."
                : $"Replaced {path}: leaf {after.LeafIndex} is now proved in the tree of {after.TreeSize} leaves (was {before.TreeSize}); it verifies with the log's key.");
            foreach (var line in VerifyCommand.CosignatureLines(newCosignatures))
            {
                await io.Out.WriteLineAsync("    " + line);
            }
            await io.Out.WriteLineAsync("    " + Witnessing(answer, newCosignatures));
            return ExitCodes.Ok;
        }

        /// <summary>What --json prints: what became of the file, the tree the receipt is now proved in, and its cosignatures.</summary>
        private JsonObject Outcome(string outcome, ReceiptVerifier.Verified now, ReceiptVerifier.Verified before, CheckpointCosignatures.Result cosignatures, JsonObject answer) => new()
        {
            ["outcome"] = outcome,
            ["file"] = path,
            ["leaf_index"] = now.LeafIndex,
            ["tree_size"] = now.TreeSize,
            ["previous_tree_size"] = before.TreeSize,
            ["cosignatures"] = VerifyJson.Cosignatures(cosignatures),
            ["witnessing"] = Witnessing(answer, cosignatures),
        };

        /// <summary>Whose cosignatures were checked, and, while none is there, when the server expects one.</summary>
        private string Witnessing(JsonObject answer, CheckpointCosignatures.Result cosignatures)
        {
            var source = keysFromServer ? "the witness keys the server lists (get them from the witnesses to rely on them)" : "the witness keys given";
            if (witnessKeys.Count == 0)
            {
                return answer["cosigned_receipt"]?["detail"]?.GetValue<string>() ?? "No witness keys: cosignatures were not checked.";
            }
            if (cosignatures.Cosigned.Count > 0)
            {
                return $"Cosignatures checked with {source}.";
            }
            return answer["cosigned_receipt"]?["expected_by"]?.GetValue<string>() is { } by
                ? $"Not yet cosigned (checked with {source}): expected from {by}; run this again then."
                : $"Not yet cosigned (checked with {source}).";
        }

        private async Task<int> FailAsync(string why)
        {
            await io.Error.WriteLineAsync($"FAILED: {why} {path} was left as it was.");
            if (json)
            {
                await io.Out.WriteLineAsync(CliJson.Write(new JsonObject { ["outcome"] = "failed", ["file"] = path, ["failure"] = why }));
            }
            return ExitCodes.Rejected;
        }
    }
}
