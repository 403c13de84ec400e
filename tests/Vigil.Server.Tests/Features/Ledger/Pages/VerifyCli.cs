using Vigil.Cli;
using Vigil.Server.Tests.Cli;

namespace Vigil.Server.Tests.Features.Ledger.Pages;

/// <summary>`vigil verify` on a receipt, key and content given as text (written to files, as a user would have them), and its verdict as sentences.</summary>
public static class VerifyCli
{
    /// <summary>What the command said: whether the receipt holds, and its sentences without the "OK:"/"FAILED:" prefix or indentation.</summary>
    public sealed record Said(bool Holds, IReadOnlyList<string> Sentences);

    public static async Task<Said> RunAsync(string receipt, string keys, string? content = null)
    {
        var files = Directory.CreateTempSubdirectory("vigil-verify-").FullName;
        try
        {
            var receiptFile = Path.Combine(files, "receipt.json");
            var keyFile = Path.Combine(files, "log.keys");
            await File.WriteAllTextAsync(receiptFile, receipt);
            await File.WriteAllTextAsync(keyFile, keys);
            string[] arguments = ["verify", receiptFile, "--key", keyFile];
            if (content is not null)
            {
                var contentFile = Path.Combine(files, "content.json");
                await File.WriteAllTextAsync(contentFile, content);
                arguments = [.. arguments, "--content", contentFile];
            }
            var run = await CliRun.InProcessAsync(arguments);
            Assert.True(run.ExitCode is ExitCodes.Ok or ExitCodes.Rejected, run.ToString());
            var holds = run.ExitCode == ExitCodes.Ok;
            var lines = (holds ? run.Out : run.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var prefix = holds ? "OK: " : "FAILED: ";
            Assert.StartsWith(prefix, lines[0], StringComparison.Ordinal);
            return new Said(holds, [lines[0][prefix.Length..], .. lines.Skip(1)]);
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }
}
