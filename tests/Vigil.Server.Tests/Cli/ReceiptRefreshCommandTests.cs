using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>
/// Issue 14, transparency log, first point: `vigil receipt refresh FILE` fetches the receipt again once a real witness
/// cosigned the log, checks it offline, and replaces the file only when it holds.
/// </summary>
public sealed class ReceiptRefreshCommandTests : IDisposable
{
    private const string WitnessName = "witness.ministry.test/refresh";
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-refresh-").FullName;

    [Fact]
    public async Task Refresh_replaces_a_saved_answer_with_the_cosigned_receipt_and_refuses_one_that_does_not_verify()
    {
        using var logKey = Ed25519NoteSigner.Generate("vigil.local/ledger");
        await using var witness = await WitnessProcess.StartAsync(WitnessName, logKey.VerifierKey);
        var server = await witness.StartServerAsync(WitnessName, logKey);
        try
        {
            var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
            using var client = new HttpClient { BaseAddress = server.Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporter.Token);
            var body = Api.Report("refreshed later");
            var answer = await (await client.PostJsonAsync("/api/v1/incidents", body)).JsonAsync();
            // The whole answer, as the API returns it and as a submitter may keep it.
            var file = Path.Combine(_files, "answer.json");
            await File.WriteAllTextAsync(file, answer.ToJsonString());
            var content = Path.Combine(_files, "report.json");
            await File.WriteAllTextAsync(content, body);
            string[] connection = ["--server", server.Address.ToString(), "--token", reporter.Token];

            // Another log's key: the server's receipt cannot verify with it, and the file is left as it was.
            using var otherLog = Ed25519NoteSigner.Generate("vigil.local/ledger");
            var refused = await CliRun.InProcessAsync(["receipt", "refresh", file, "--key", otherLog.VerifierKey, .. connection]);
            Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
            Assert.StartsWith("FAILED: ", refused.Error, StringComparison.Ordinal);
            Assert.Equal(answer.ToJsonString(), await File.ReadAllTextAsync(file));

            var refreshed = await RefreshUntilCosignedAsync(file, logKey.VerifierKey, connection);
            Assert.Contains($"Cosigned by the witness {WitnessName}+", refreshed.Out, StringComparison.Ordinal);

            var saved = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            Assert.Equal(answer["incident"]!.ToJsonString(), saved["incident"]!.ToJsonString());
            Assert.Equal(answer["receipt"]!["leaf_hash"]!.GetValue<string>(), saved["receipt"]!["leaf_hash"]!.GetValue<string>());
            var note = SignedNote.Parse(TlogProof.Parse(saved["receipt"]!["proof"]!.GetValue<string>()).SignedCheckpoint);
            Assert.Single(CheckpointCosignatures.Check(note, [witness.VerifierKey]).Cosigned);

            var verified = await CliRun.InProcessAsync("verify", file, "--key", logKey.VerifierKey, "--witness-key", witness.VerifierKey, "--content", content);
            Assert.True(verified.ExitCode == ExitCodes.Ok, verified.ToString());
            Assert.Contains($"Cosigned by the witness {WitnessName}+", verified.Out, StringComparison.Ordinal);
            Assert.Contains("The content given is exactly what was committed.", verified.Out, StringComparison.Ordinal);

            var again = await CliRun.InProcessAsync(["receipt", "refresh", file, "--key", logKey.VerifierKey, "--witness-key", witness.VerifierKey, .. connection]);
            Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Runs the command until the receipt it saved carries the witness's cosignature (the witness is asked every 200 ms).</summary>
    private static async Task<CliRun> RefreshUntilCosignedAsync(string file, string logKey, string[] connection)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var run = await CliRun.InProcessAsync(["receipt", "refresh", file, "--key", logKey, .. connection]);
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            if (run.Out.Contains("Cosigned by the witness", StringComparison.Ordinal))
            {
                Assert.Contains("Cosignatures checked with the witness keys the server lists", run.Out, StringComparison.Ordinal);
                return run;
            }
            await Task.Delay(200, timeout.Token);
        }
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
