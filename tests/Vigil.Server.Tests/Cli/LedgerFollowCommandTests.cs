using System.Net.Http.Headers;
using Vigil.Cli;
using Vigil.Ledger;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tiles;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>`vigil ledger follow` against real servers on loopback: it mirrors an honest log and alarms on a forked one.</summary>
public sealed class LedgerFollowCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("vigil-follow-").FullName;

    private static async Task FileReportsAsync(RunningServer server, int count)
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporter.Token);
        for (var i = 0; i < count; i++)
        {
            await client.FileAsync(Api.Report($"report {i}"));
        }
    }

    private static async Task<string> KeyAsync(RunningServer server)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        return (await client.GetStringAsync("/ledger/key")).Split('\n')[0];
    }

    [Fact]
    public async Task Follow_once_mirrors_a_real_server_tile_by_tile_and_verifies_each_new_checkpoint()
    {
        var server = new RunningServer();
        await server.InitializeAsync();
        try
        {
            var key = await KeyAsync(server);
            await FileReportsAsync(server, 3);
            var first = await CliRun.InProcessAsync("ledger", "follow", server.Address.ToString(), "--key", key, "--state", _state, "--once");
            Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
            Assert.Contains("OK: 'vigil.local/ledger' size 3", first.Out, StringComparison.Ordinal);

            await FileReportsAsync(server, 2);
            var second = await CliRun.InProcessAsync("ledger", "follow", server.Address.ToString(), "--key", key, "--state", _state, "--once");
            Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
            Assert.Contains("size 5", second.Out, StringComparison.Ordinal);
            Assert.Contains("consistent with 'vigil.local/ledger' size 3", second.Out, StringComparison.Ordinal);
            var again = await CliRun.InProcessAsync("ledger", "follow", server.Address.ToString(), "--key", key, "--state", _state, "--once");
            Assert.Contains("unchanged", again.Out, StringComparison.Ordinal);

            // The mirror holds the log as a tlog client sees it: entries that hash to the leaves, leaves that hash to the checkpoint.
            var note = await File.ReadAllTextAsync(Path.Combine(_state, "checkpoint"));
            var checkpoint = Vigil.Ledger.Checkpoints.Checkpoint.Open(note, NoteVerifierSet.Parse(key)).Checkpoint;
            var leaves = TileContent.Split(await File.ReadAllBytesAsync(Path.Combine(_state, "tile", "0", "000.p", "5")), 5);
            var entries = EntryBundle.Decode(await File.ReadAllBytesAsync(Path.Combine(_state, "tile", "entries", "000.p", "5")));
            Assert.Equal(leaves, entries.Select(e => MerkleHash.HashLeaf(e)));
            Assert.Equal(checkpoint.RootHash, MerkleTree.ComputeRoot(leaves));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_follower_whose_state_comes_from_a_forked_log_alarms_and_exits_5()
    {
        // Two servers with one key and one origin but their own databases: the operator showing two histories.
        using var sharedKey = Ed25519NoteSigner.Generate("vigil.local/ledger");
        var honest = new RunningServer();
        var forked = new RunningServer();
        OwnerOnlyFile.CreateText(honest.LedgerKeyFile, sharedKey.SignerKey);
        OwnerOnlyFile.CreateText(forked.LedgerKeyFile, sharedKey.SignerKey);
        await honest.InitializeAsync();
        await forked.InitializeAsync();
        try
        {
            await FileReportsAsync(honest, 2);
            await FileReportsAsync(forked, 3);
            var followed = await CliRun.InProcessAsync("ledger", "follow", honest.Address.ToString(), "--key", sharedKey.VerifierKey, "--state", _state, "--once");
            Assert.True(followed.ExitCode == ExitCodes.Ok, followed.ToString());
            var stored = await File.ReadAllTextAsync(Path.Combine(_state, "checkpoint"));

            var alarm = await CliRun.ProcessAsync(null, "ledger", "follow", forked.Address.ToString(), "--key", sharedKey.VerifierKey, "--state", _state, "--once");
            Assert.True(alarm.ExitCode == 5, alarm.ToString());
            Assert.StartsWith("ALARM: the tree of 3 leaves does not extend the stored tree of 2 leaves", alarm.Out, StringComparison.Ordinal);
            Assert.Contains("stored checkpoint 'vigil.local/ledger' size 2", alarm.Out, StringComparison.Ordinal);
            Assert.Contains("and checkpoint 'vigil.local/ledger' size 3", alarm.Out, StringComparison.Ordinal);
            Assert.Equal(stored, await File.ReadAllTextAsync(Path.Combine(_state, "checkpoint")));
            Assert.Contains("\n3\n", await File.ReadAllTextAsync(Path.Combine(_state, "alarm-checkpoint")), StringComparison.Ordinal);

            // The other way round: the honest log, seen after the larger fork, looks rolled back.
            var rollbackState = Path.Combine(_state, "second");
            await CliRun.InProcessAsync("ledger", "follow", forked.Address.ToString(), "--key", sharedKey.VerifierKey, "--state", rollbackState, "--once");
            var rollback = await CliRun.InProcessAsync("ledger", "follow", honest.Address.ToString(), "--key", sharedKey.VerifierKey, "--state", rollbackState, "--once");
            Assert.Equal(ExitCodes.Alarm, rollback.ExitCode);
            Assert.StartsWith("ALARM: the log rolled back from 3 to 2 leaves", rollback.Out, StringComparison.Ordinal);
        }
        finally
        {
            await honest.DisposeAsync();
            await forked.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_checkpoint_that_does_not_verify_with_the_key_given_is_refused_without_touching_the_mirror()
    {
        var server = new RunningServer();
        await server.InitializeAsync();
        try
        {
            using var stranger = Ed25519NoteSigner.Generate("vigil.local/ledger");
            var run = await CliRun.InProcessAsync("ledger", "follow", server.Address.ToString(), "--key", stranger.VerifierKey, "--state", _state, "--once");
            Assert.Equal(ExitCodes.Rejected, run.ExitCode);
            Assert.Contains("FAILED", run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_state, "checkpoint")));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
