using System.Diagnostics;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Web.Walk;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15's crash test: real server processes on one data directory (and one PostgreSQL database when given),
/// SIGKILLed at random moments, the first ones while the first start migrates, each restarted at once on the same
/// data and address while reporters keep submitting; then <see cref="CrashCheck"/> and `vigil ledger audit`.
/// With two processes, one is killed at a time and the other must keep answering while it restarts.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class CrashRun(string dataDirectory, ThrowawayPostgresDatabase? postgres, int processes, int kills, int clients)
{
    private static readonly TimeSpan Wedged = TimeSpan.FromSeconds(90);

    /// <summary>The longest a server runs under load between two kills (VIGIL_CRASH_LOAD_MS; the benchmark gives it longer).</summary>
    private static int LoadMilliseconds =>
        int.TryParse(Environment.GetEnvironmentVariable("VIGIL_CRASH_LOAD_MS"), out var milliseconds) && milliseconds > 300 ? milliseconds : 2000;

    private readonly string[] _storage = postgres?.ServerArguments ?? [];

    private readonly Random _random = new();
    private readonly List<double> _restartSeconds = [];
    private readonly List<string> _findings = [];
    private int _killedWhileMigrating;
    private readonly StartingServer?[] _servers = new StartingServer?[processes];
    private readonly Uri[] _addresses = [.. Enumerable.Range(0, processes).Select(_ => ServerProcess.NewAddress())];

    public IReadOnlyList<string> Findings => _findings;

    public async Task<CrashSummary> RunAsync()
    {
        var firstStartKills = Math.Max(1, kills / 5);
        try
        {
            for (var kill = 0; kill < firstStartKills; kill++)
            {
                // Every process starts at once on a database that is new (or left by the kill before): they migrate.
                for (var slot = 0; slot < processes; slot++)
                {
                    _servers[slot] ??= Start(slot);
                }
                // Killed while a process holds the migration lock (at a random moment of the migrations), if it is seen in time.
                var waiting = Stopwatch.StartNew();
                while (!await MigratingAsync() && waiting.Elapsed < TimeSpan.FromSeconds(20))
                {
                    await Task.Delay(5);
                }
                await Task.Delay(_random.Next(0, 400));
                _killedWhileMigrating += await MigratingAsync() ? 1 : 0;
                await KillAsync(_random.Next(processes));
            }
            for (var slot = 0; slot < processes; slot++)
            {
                _servers[slot] ??= Start(slot);
                await HealthyAsync(slot, Stopwatch.StartNew());
            }
            var (reporterToken, reporter) = await SetUpAsync();
            CrashLoad.Acknowledged[] acknowledged;
            int attempted, answeredOnRetry;
            string outcomes;
            await using (var load = new CrashLoad(_addresses, reporterToken, clients))
            {
                load.Start();
                for (var kill = firstStartKills; kill < kills; kill++)
                {
                    await Task.Delay(_random.Next(300, LoadMilliseconds));
                    await KillUnderLoadAsync(_random.Next(processes), load);
                }
                await Task.Delay(1000);
                await load.StopAsync(TimeSpan.FromSeconds(60));
                _findings.AddRange(load.Unexpected.Select(u => "Unexpected answer: " + u));
                if (load.StillUnanswered > 0)
                {
                    _findings.Add($"{load.StillUnanswered} keyed submissions were never answered 2xx on a retry");
                }
                _findings.AddRange(await CrashCheck.FindingsAsync(reporter, load));
                acknowledged = [.. load.AcknowledgedSubmissions];
                attempted = load.Attempted.Count;
                answeredOnRetry = load.AnsweredOnRetry;
                outcomes = load.Outcomes;
            }
            reporter.Dispose();
            await StopAllAsync();
            var audit = await CliRun.InProcessAsync(["ledger", "audit", $"--Storage:DataDirectory={dataDirectory}", .. _storage]);
            if (audit.ExitCode != 0)
            {
                _findings.Add("vigil ledger audit failed: " + audit);
            }
            return new CrashSummary(postgres is null ? "SQLite, one process" : $"PostgreSQL, {processes} processes", kills, firstStartKills, _killedWhileMigrating, clients,
                attempted, acknowledged.Length, acknowledged.Count(a => a.Sent.Key is not null), answeredOnRetry, _restartSeconds,
                audit.Out.Trim().Split('\n')[^1], outcomes);
        }
        finally
        {
            await StopAllAsync();
        }
    }

    /// <summary>
    /// Whether a process holds the migration lock now: on SQLite an exclusive flock (a WRITE FLOCK in /proc/locks) held by
    /// a server process (the only one they take), on PostgreSQL a granted advisory lock in the run's database.
    /// </summary>
    private async Task<bool> MigratingAsync()
    {
        if (postgres is null)
        {
            var pids = _servers.OfType<StartingServer>().Select(s => s.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            return File.ReadLines("/proc/locks").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Any(fields => fields.Length > 4 && fields[1] == "FLOCK" && fields[3] == "WRITE" && pids.Contains(fields[4]));
        }
        await using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private StartingServer Start(int slot) =>
        StartingServer.StartAt(_addresses[slot], dataDirectory, [.. _storage, "--FirstStart:CreateAdmin=false"]);

    private async Task KillAsync(int slot)
    {
        if (_servers[slot] is { } server)
        {
            await server.DisposeAsync();
            _servers[slot] = null;
        }
    }

    /// <summary>Kills one process, restarts it at once; any other process must answer submissions while it is down.</summary>
    private async Task KillUnderLoadAsync(int slot, CrashLoad load)
    {
        var others = Enumerable.Range(0, processes).Where(s => s != slot).ToList();
        await KillAsync(slot);
        var down = Stopwatch.StartNew();
        var before = others.Sum(s => Interlocked.Read(ref load.AcknowledgedBy[s]));
        _servers[slot] = Start(slot);
        await HealthyAsync(slot, down);
        var during = others.Sum(s => Interlocked.Read(ref load.AcknowledgedBy[s])) - before;
        if (others.Count > 0 && during == 0)
        {
            _findings.Add($"While process {slot} was down ({down.Elapsed.TotalSeconds:F1} s), the other acknowledged nothing");
        }
    }

    private async Task HealthyAsync(int slot, Stopwatch since)
    {
        if (!await _servers[slot]!.HealthyWithinAsync(Wedged))
        {
            throw new InvalidOperationException($"Process {slot} did not come up within {Wedged.TotalSeconds} s of its restart:\n{_servers[slot]!.Printed}");
        }
        _restartSeconds.Add(since.Elapsed.TotalSeconds);
    }

    private async Task StopAllAsync()
    {
        for (var slot = 0; slot < processes; slot++)
        {
            await KillAsync(slot);
        }
    }

    /// <summary>The first administrator (`vigil admin init`, the servers being started without one), an organisation and its reporter.</summary>
    private async Task<(string ReporterToken, HttpClient Reporter)> SetUpAsync()
    {
        var init = await CliRun.InProcessAsync([
            "admin", "init", "--email", "crash@cert.example", $"--Storage:DataDirectory={dataDirectory}", .. _storage, .. FirstStartTests.RealSettings]);
        var adminToken = init.Out.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith(ApiTokens.Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("vigil admin init printed no token: " + init);
        using var admin = Client(adminToken);
        var organisation = await WalkFixture.CreatedAsync(admin, "/api/v1/organisations", new JsonObject
        {
            ["name"] = "Example Messaging Ltd", ["sector"] = "telecommunications", ["country"] = "IN",
            ["point_of_contact"] = new JsonObject { ["name"] = "A. Sharma", ["role"] = "Grievance Officer", ["email"] = "security@messaging.example" },
        });
        var reporter = await TokenAsync(admin, new JsonObject { ["email"] = "desk@messaging.example", ["role"] = "reporter", ["organisation_id"] = organisation["id"]!.GetValue<string>() });
        return (reporter, Client(reporter));
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = _addresses[0], Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient admin, JsonObject user)
    {
        var created = await WalkFixture.CreatedAsync(admin, "/api/v1/users", user);
        var token = await WalkFixture.CreatedAsync(admin, $"/api/v1/users/{created["id"]}/tokens", new JsonObject { ["name"] = "crash test" });
        return token["token"]!.GetValue<string>();
    }
}
