using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

public sealed class KeyRotationTests
{
    [Fact]
    public async Task After_a_key_rotation_old_checkpoints_and_receipts_still_verify_and_new_ones_use_the_new_key()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-rotate-").FullName;
        string[] args = ["--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={directory}", "--FirstStart:CreateAdmin=false"];
        try
        {
            string oldKey, oldReceipt, token;
            await using (var before = Program.BuildApp(args))
            {
                await before.StartAsync();
                token = (await Seed.UserAsync(before.Services, Roles.Reporter)).Token;
                using var client = RunningServer.ClientFor(before, token);
                oldKey = (await client.GetStringAsync("/ledger/key")).Trim();
                oldReceipt = (await (await client.PostJsonAsync("/api/v1/incidents", Api.Report("before rotation"))).JsonAsync())["receipt"]!.ToJsonString();
                await before.StopAsync();
            }

            var rotated = await CliRun.InProcessAsync("admin", "rotate-ledger-key", "--json", $"--Storage:DataDirectory={directory}");
            Assert.True(rotated.ExitCode == ExitCodes.Ok, rotated.ToString());
            var newKey = System.Text.Json.Nodes.JsonNode.Parse(rotated.Out)!["verifier_key"]!.GetValue<string>();
            Assert.NotEqual(oldKey, newKey);

            await using var after = Program.BuildApp(args);
            await after.StartAsync();
            using var again = RunningServer.ClientFor(after, token);
            var published = (await again.GetStringAsync("/ledger/key")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([newKey, oldKey], published);
            await again.PostJsonAsync("/api/v1/incidents", Api.Report("after rotation"));

            // The old receipt verifies with the old key; the new checkpoint only with the new one.
            ReceiptVerifier.Verify(oldReceipt, [oldKey], Api.Report("before rotation"));
            var latest = await again.GetStringAsync("/ledger/checkpoint");
            Checkpoint.Open(latest, NoteVerifierSet.Parse(newKey));
            Assert.ThrowsAny<Exception>(() => Checkpoint.Open(latest, NoteVerifierSet.Parse(oldKey)));

            await using var scope = after.Services.CreateAsyncScope();
            var audit = await scope.ServiceProvider.GetRequiredService<LedgerAudit>().RunAsync(CancellationToken.None);
            Assert.True(audit.Clean, string.Join("\n", audit.Findings));
            await after.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            Directory.Delete(directory + "-keys", recursive: true);
        }
    }
}
