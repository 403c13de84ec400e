using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>A real Vigil server and a real `vigil witness serve`, each on its own loopback port, speaking tlog-witness.</summary>
public sealed class WitnessCosignatureTests
{
    private const string WitnessName = "witness.ministry.test/w1";

    [Fact]
    public async Task A_server_gets_each_new_checkpoint_cosigned_by_its_witness_and_serves_the_cosignature()
    {
        using var logKey = Ed25519NoteSigner.Generate("vigil.local/ledger");
        await using var witness = await WitnessProcess.StartAsync(WitnessName, logKey.VerifierKey);
        var server = await witness.StartServerAsync(WitnessName, logKey);
        try
        {
            var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
            using var client = new HttpClient { BaseAddress = server.Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporter.Token);
            var keys = NoteVerifierSet.Parse(logKey.VerifierKey, witness.VerifierKey);

            await client.FileAsync(Api.Report("first report"));
            var first = await CosignedCheckpointAsync(client, keys, minimumSize: 1);
            // The second needs the witness to check a consistency proof from the size it cosigned before.
            await client.FileAsync(Api.Report("second report"));
            await client.FileAsync(Api.Report("third report"));
            var later = await CosignedCheckpointAsync(client, keys, minimumSize: first.Checkpoint.Size + 2);

            var cosignature = Assert.Single(later.Verification.Verified, s => s.Name == WitnessName);
            var witnessOnly = SignedNote.Parse(later.Note.ToString()).Verify(NoteVerifierSet.Parse(witness.VerifierKey));
            Assert.Equal(later.Note.Text, witnessOnly.Text);
            var madeAt = Ed25519CosignatureVerifier.ReadTimestamp(cosignature);
            Assert.InRange(madeAt, TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddMinutes(1));

            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            Assert.True(await db.WitnessCosignatures.CountAsync(w => w.Witness == WitnessName) >= 2);
            var stateFile = Assert.Single(Directory.GetFiles(witness.StateDirectory, "*.checkpoint"));
            Assert.True(Checkpoint.Parse(SignedNote.Parse(await File.ReadAllTextAsync(stateFile)).Text).Size >= later.Checkpoint.Size);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_witness_with_a_bad_url_or_a_key_that_is_not_a_cosignature_key_stops_the_server_on_start()
    {
        using var logKey = Ed25519NoteSigner.Generate("vigil.local/ledger");
        var directory = Directory.CreateTempSubdirectory("vigil-bad-witness-").FullName;
        try
        {
            await using var app = Program.BuildApp(
            [
                "--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={directory}", "--FirstStart:CreateAdmin=false",
                "--Ledger:Witnesses:0:Name=vigil.local/ledger",
                "--Ledger:Witnesses:0:Url=ftp://witness.example",
                $"--Ledger:Witnesses:0:VerifierKey={logKey.VerifierKey}",
            ]);
            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Ledger:Witnesses:0:Url", failure.Message, StringComparison.Ordinal);
            Assert.Contains("Ledger:Witnesses:0:VerifierKey must be an Ed25519 cosignature key", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Polls /ledger/checkpoint until it is at least that large and carries a valid cosignature by the witness.</summary>
    private static async Task<OpenedCheckpoint> CosignedCheckpointAsync(HttpClient client, NoteVerifierSet keys, long minimumSize)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var opened = Checkpoint.Open(await client.GetStringAsync("/ledger/checkpoint", timeout.Token), keys, "vigil.local/ledger");
            if (opened.Checkpoint.Size >= minimumSize && opened.Verification.Verified.Any(s => s.Name == WitnessName))
            {
                return opened;
            }
            await Task.Delay(100, timeout.Token);
        }
    }
}
