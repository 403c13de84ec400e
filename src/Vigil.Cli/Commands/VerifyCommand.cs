using System.CommandLine;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Receipts;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil verify RECEIPT.json --key VERIFIER_KEY [--content SUBMISSION.json] [--witness-key KEY]`: checks a receipt
/// offline, with only the log's public key. It says only what it proved: without the content, the receipt's kind,
/// sequence, incident and time are the server's word, and one line says so. Exit 0 when it holds, 1 when anything
/// fails (and says what), 4 when a file cannot be read.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(CliOutput io)
    {
        var receipt = new Argument<FileInfo>("RECEIPT")
        {
            Description = "The receipt (JSON), or the whole answer of the submission that holds it in its 'receipt' member.",
        };
        var key = new Option<string[]>("--key")
        {
            Description = "The log's verifier key (as published at /ledger/key); repeat for retired keys, or give a file holding them.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var content = new Option<FileInfo?>("--content") { Description = "The submission as filed; checks it is exactly what was committed." };
        var witnessKey = new Option<string[]>("--witness-key")
        {
            Description = "A witness's verifier key (or a file of them): check and show its cosignature on the receipt's checkpoint.",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print what was found as one JSON object (holds, failure or what is proved, cosignatures)." };
        var command = new Command("verify", "Check a receipt offline: the log's signature, the inclusion proof, and optionally the content and witnesses' cosignatures.\nExample: vigil verify report.receipt.json --key \"$(curl -s https://cert.example.org/ledger/key)\" --content report.json")
        {
            receipt, key, content, witnessKey, json,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string receiptText, keysText, witnessText;
            string? contentJson = null;
            try
            {
                receiptText = await File.ReadAllTextAsync(parsed.GetValue(receipt)!.FullName, cancellationToken);
                keysText = KeyText(parsed.GetValue(key));
                witnessText = KeyText(parsed.GetValue(witnessKey));
                if (parsed.GetValue(content) is { } file)
                {
                    contentJson = await File.ReadAllTextAsync(file.FullName, cancellationToken);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await io.Error.WriteLineAsync($"Cannot read a file: {e.Message}");
                return ExitCodes.LocalFile;
            }
            var receiptJson = ReceiptFile.Read(receiptText).ReceiptJson;
            // The same check, and the same sentences, as the log explorer's page (/log/verify).
            var verdict = ReceiptVerifier.Check(receiptJson, ReceiptVerifier.KeysIn(keysText), contentJson);
            var asJson = parsed.GetValue(json);
            if (verdict.Verified is not { } verified)
            {
                await io.Error.WriteLineAsync($"FAILED: {verdict.Failure!.English}");
                if (asJson)
                {
                    await io.Out.WriteLineAsync(CliJson.Write(VerifyJson.Failed(verdict.Failure!.English)));
                }
                return ExitCodes.Rejected;
            }
            var cosignatures = Cosignatures(receiptJson, ReceiptVerifier.KeysIn(witnessText), out var keyProblem);
            if (keyProblem is not null || cosignatures!.Invalid.Count > 0)
            {
                await io.Error.WriteLineAsync("FAILED: " + (keyProblem ?? $"The cosignature by {string.Join(", ", cosignatures!.Invalid)} does not verify: the checkpoint was altered after it was cosigned."));
                return keyProblem is null ? ExitCodes.Rejected : ExitCodes.Usage;
            }
            if (asJson)
            {
                await io.Out.WriteLineAsync(CliJson.Write(VerifyJson.Held(verified, cosignatures)));
                return ExitCodes.Ok;
            }
            await io.Out.WriteLineAsync("OK: " + ReceiptVerdictText.English("Holds", verified.LeafIndex, verified.Origin, verified.TreeSize));
            foreach (var line in CosignatureLines(cosignatures))
            {
                await io.Out.WriteLineAsync("    " + line);
            }
            if (verified.ContentChecked)
            {
                await io.Out.WriteLineAsync("    " + ReceiptVerdictText.English("Submission", verified.Kind, verified.Sequence, verified.IncidentId, verified.ReceivedAt));
                await io.Out.WriteLineAsync("    " + ReceiptVerdictText.English("ContentChecked"));
            }
            else
            {
                await io.Out.WriteLineAsync("    " + NotProvedWithoutContent);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What a receipt checked without its content leaves unproved: its content, and with it every field the commitment covers.</summary>
    public const string NotProvedWithoutContent =
        "Not proved: the content, and so the kind, sequence, incident and time the receipt states; give --content with the submission as filed to prove them.";

    /// <summary>Keys given inline or as files holding them, one a line.</summary>
    public static string KeyText(IEnumerable<string>? given) =>
        string.Join("\n", (given ?? []).Select(k => File.Exists(k) ? File.ReadAllText(k) : k));

    /// <summary>The witnesses' cosignatures on the (already verified) receipt's checkpoint; null with a problem when a key is not a witness key.</summary>
    public static CheckpointCosignatures.Result? Cosignatures(string receiptJson, IReadOnlyList<string> witnessKeys, out string? keyProblem)
    {
        keyProblem = null;
        var proof = TlogProof.Parse(System.Text.Json.Nodes.JsonNode.Parse(receiptJson)!["proof"]!.GetValue<string>());
        try
        {
            return CheckpointCosignatures.Check(SignedNote.Parse(proof.SignedCheckpoint), witnessKeys);
        }
        catch (FormatException e)
        {
            keyProblem = $"A witness key given is not a witness's verifier key (name+key ID+base64, type 0x04): {e.Message}";
            return null;
        }
    }

    public static IEnumerable<string> CosignatureLines(CheckpointCosignatures.Result? result) =>
        result is null ? [] :
        [
            .. result.Cosigned.Select(c => $"Cosigned by the witness {c.Key} at {c.At:yyyy-MM-dd'T'HH:mm:ss'Z'}: it saw this tree, and every tree it saw before is a prefix of it."),
            .. result.Absent.Select(k => $"Not cosigned by the witness {k}."),
        ];
}
