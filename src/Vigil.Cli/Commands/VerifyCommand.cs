using System.CommandLine;
using Vigil.Server.Features.Ledger;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil verify RECEIPT.json --key VERIFIER_KEY [--content SUBMISSION.json]`: checks a receipt offline, with only
/// the log's public key. Exit 0 when it holds, 1 when anything fails (and says what), 4 when a file cannot be read.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(CliOutput io)
    {
        var receipt = new Argument<FileInfo>("RECEIPT") { Description = "The receipt (JSON) the server returned with the submission." };
        var key = new Option<string[]>("--key")
        {
            Description = "The log's verifier key (as published at /ledger/key); repeat for retired keys, or give a file holding them.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var content = new Option<FileInfo?>("--content") { Description = "The submission as filed; checks it is exactly what was committed." };
        var command = new Command("verify", "Check a receipt offline: the log's signature, the inclusion proof, and optionally the content.") { receipt, key, content };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string receiptJson, keysText;
            string? contentJson = null;
            try
            {
                receiptJson = await File.ReadAllTextAsync(parsed.GetValue(receipt)!.FullName, cancellationToken);
                keysText = string.Join("\n", parsed.GetValue(key)!.Select(k => File.Exists(k) ? File.ReadAllText(k) : k));
                if (parsed.GetValue(content) is { } file)
                {
                    contentJson = await File.ReadAllTextAsync(file.FullName, cancellationToken);
                }
            }
            catch (IOException e)
            {
                await io.Error.WriteLineAsync($"Cannot read a file: {e.Message}");
                return ExitCodes.LocalFile;
            }
            var keys = ReceiptVerifier.KeysIn(keysText);
            // The same check, and the same sentences, as the log explorer's page (/log/verify).
            var verdict = ReceiptVerifier.Check(receiptJson, keys, contentJson);
            if (verdict.Verified is not { } verified)
            {
                await io.Error.WriteLineAsync($"FAILED: {verdict.Failure!.English}");
                return ExitCodes.Rejected;
            }
            await io.Out.WriteLineAsync("OK: " + ReceiptVerdictText.English("Holds", verified.LeafIndex, verified.Origin, verified.TreeSize));
            await io.Out.WriteLineAsync("    " + ReceiptVerdictText.English("Submission", verified.Kind, verified.Sequence, verified.IncidentId, verified.ReceivedAt));
            await io.Out.WriteLineAsync(verified.ContentChecked
                ? "    " + ReceiptVerdictText.English("ContentChecked")
                : "    Content not checked: give --content to prove what was filed.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
