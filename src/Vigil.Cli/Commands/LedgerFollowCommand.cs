using System.CommandLine;
using Vigil.Cli.Follow;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil ledger follow URL --key VKEY --state DIR [--once] [--interval SECONDS]`: mirrors a remote Vigil log through
/// its tiles, verifying each new checkpoint against the last; on any inconsistency prints ALARM and exits 5.
/// </summary>
public static class LedgerFollowCommand
{
    public static Command Create(CliOutput io)
    {
        var url = new Argument<string>("URL") { Description = "The Vigil server, e.g. https://vigil.cert.example" };
        var key = new Option<string[]>("--key") { Description = "The log's verifier key (as published at /ledger/key), or a file holding it; repeat for retired keys.", Required = true };
        var state = new Option<string>("--state") { Description = "The mirror: the last verified checkpoint and the tiles.", Required = true };
        var once = new Option<bool>("--once") { Description = "One round, then exit." };
        var json = new Option<bool>("--json") { Description = "One JSON object per round, a line each: outcome (advanced, unchanged, alarm), size, root, previous_size, tiles_mirrored, detail." };
        var interval = new Option<int>("--interval") { Description = "Seconds between rounds.", DefaultValueFactory = _ => 30 };
        var follow = new Command("follow", "Mirror a remote log through its tiles, checking every new checkpoint is consistent with the last; exit 5 with an ALARM on a fork.\nExample: vigil ledger follow https://cert.example.org --key VKEY --state ./mirror --once")
        {
            url, key, state, once, interval, json,
        };
        follow.SetAction(async (parsed, cancellationToken) =>
        {
            NoteVerifierSet keys;
            Uri server;
            try
            {
                keys = NoteVerifierSet.Parse(parsed.GetValue(key)!.SelectMany(k => File.Exists(k) ? File.ReadAllLines(k) : [k]).Select(k => k.Trim()).Where(k => k.Length > 0));
                server = RemoteLog.BaseAddress(parsed.GetValue(url)!);
            }
            catch (FormatException e)
            {
                await io.Error.WriteLineAsync($"Bad --key or URL: {e.Message}");
                return ExitCodes.Usage;
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var follower = new LogFollower(new RemoteLog(http, server), new TileMirror(parsed.GetValue(state)!), keys);
            var rounds = new Rounds(io, server, follower.Mirror.Directory, parsed.GetValue(json));
            return await FollowAsync(io, follower, rounds, server, parsed.GetValue(once), TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(interval))), cancellationToken);
        });
        return follow;
    }

    private static async Task<int> FollowAsync(CliOutput io, LogFollower follower, Rounds rounds, Uri server, bool once, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var round = await follower.RoundAsync(cancellationToken);
                await rounds.SayAsync(round);
                if (round.Outcome == FollowOutcome.Alarm)
                {
                    return ExitCodes.Alarm;
                }
            }
            catch (Exception e) when (e is LedgerVerificationException or FormatException)
            {
                await io.Error.WriteLineAsync($"FAILED: the log's checkpoint does not verify: {e.Message}");
                return ExitCodes.Rejected;
            }
            catch (IOException e)
            {
                await io.Error.WriteLineAsync($"Cannot read or write the mirror: {e.Message}");
                return ExitCodes.LocalFile;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await io.Error.WriteLineAsync($"Cannot reach {server}: {e.Message}");
                if (once)
                {
                    return ExitCodes.Unavailable;
                }
            }
            if (once)
            {
                return ExitCodes.Ok;
            }
            try
            {
                await Task.Delay(interval, TimeProvider.System, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }
        }
    }

    /// <summary>How a round is told: in sentences, or with --json as one object a line.</summary>
    private sealed class Rounds(CliOutput io, Uri server, string mirror, bool json)
    {
        public async Task SayAsync(FollowRound round)
        {
            if (json)
            {
                await io.Out.WriteLineAsync(CliJson.Write(new System.Text.Json.Nodes.JsonObject
                {
                    ["outcome"] = round.Outcome.ToString().ToLowerInvariant(),
                    ["size"] = round.Served.Size,
                    ["root"] = Convert.ToBase64String(round.Served.RootHash),
                    ["previous_size"] = round.Stored?.Size,
                    ["tiles_mirrored"] = round.TilesMirrored,
                    ["detail"] = round.Outcome == FollowOutcome.Alarm ? $"{round.Detail}; the served checkpoint is kept in {mirror}/alarm-checkpoint" : round.Detail,
                }));
                return;
            }
            if (round.Outcome == FollowOutcome.Alarm)
            {
                await io.Out.WriteLineAsync($"ALARM: {round.Detail}: stored checkpoint {Describe(round.Stored)} and checkpoint {Describe(round.Served)} served by {server} are inconsistent.");
                await io.Out.WriteLineAsync($"The served checkpoint, signed by the log, is kept as evidence in {mirror}/alarm-checkpoint.");
                return;
            }
            await io.Out.WriteLineAsync(round.Outcome == FollowOutcome.Advanced
                ? $"OK: {Describe(round.Served)} verified and consistent with {Describe(round.Stored)}; {round.TilesMirrored} tiles mirrored."
                : $"OK: {Describe(round.Served)} unchanged.");
        }
    }

    private static string Describe(Checkpoint? checkpoint) =>
        checkpoint is null ? "(none)" : $"'{checkpoint.Origin}' size {checkpoint.Size} root {Convert.ToBase64String(checkpoint.RootHash)}";
}
