using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Features.Demo;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Demo;

/// <summary>
/// `vigil demo` into a fresh database, then the server on it: the CERT's note with its withdrawal kept as a revision,
/// the vendor's report and update at their historical times, the late verdict under CERT-In's 6 hours with the
/// remark that the rule was not in force in 2019, and the Pegasus indicators as a TLP:CLEAR collection.
/// </summary>
public abstract class DemoLoadTests<TServer>
    where TServer : VigilFactory, IDemoServer, new()
{
    [Fact]
    public async Task The_demo_loads_the_2019_case_and_the_server_shows_it_as_it_happened()
    {
        using var server = new TServer();
        var run = await CliRun.InProcessAsync(["demo", .. server.StorageArguments]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var demo = DemoOutput.Read(run.Out);
        Assert.Equal(["admin", "analyst", "oversight", "reporter"], demo.Accounts.Keys.Order());
        Assert.Contains("for demonstration only", run.Out, StringComparison.Ordinal);

        using var client = server.CreateClient();
        var signIn = await client.PostJsonAsync("/api/v1/auth/token",
            new JsonObject { ["email"] = demo.Accounts["analyst"].Email, ["password"] = demo.Accounts["analyst"].Password }.ToJsonString());
        Assert.True(signIn.IsSuccessStatusCode, await signIn.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signIn.JsonAsync())["token"]!.GetValue<string>());

        var history = await client.GetNodeAsync($"/api/v1/notes/{demo.NoteId}/history");
        Assert.Equal("withdrawn", history["status"]!.GetValue<string>());
        var revisions = history["revisions"]!.AsArray();
        Assert.Equal(["note-publication", "note-withdrawal"], revisions.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.StartsWith("2019-05-17T04:30:00", revisions[0]!["received_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("2019-11-02T04:30:00", revisions[1]!["received_at"]!.GetValue<string>(), StringComparison.Ordinal);
        var note = await client.GetNodeAsync($"/api/v1/notes/{demo.NoteId}");
        Assert.Contains("Upgrade WhatsApp", note.ToJsonString(), StringComparison.Ordinal);

        var timeline = (await client.GetNodeAsync($"/api/v1/incidents/{demo.IncidentId}/timeline"))["submissions"]!.AsArray();
        Assert.Equal(["report", "update", "update"], timeline.Select(s => s!["kind"]!.GetValue<string>()));
        Assert.Equal([new DateTimeOffset(2019, 5, 20, 3, 30, 0, TimeSpan.Zero), new DateTimeOffset(2019, 9, 5, 3, 30, 0, TimeSpan.Zero)],
            timeline.Take(2).Select(s => TruncateToSecond(s!["received_at"]!.GetValue<DateTimeOffset>())));
        var incident = await client.GetNodeAsync($"/api/v1/incidents/{demo.IncidentId}");
        Assert.Equal(121, incident["fields"]!["affected_users"]!["by_country"]![0]!["count"]!.GetValue<int>());

        var regimes = (await client.GetNodeAsync($"/api/v1/incidents/{demo.IncidentId}/compliance"))["regimes"]!.AsArray();
        var certIn = regimes.Single(r => r!["regime"]!.GetValue<string>() == "in-cert-in-2022")!;
        var report = certIn["stages"]![0]!;
        Assert.Equal("met_late", report["state"]!.GetValue<string>());
        Assert.Equal("P6DT18H", report["late_by"]!.GetValue<string>());
        Assert.False(certIn["in_force_at_the_time"]!.GetValue<bool>());
        Assert.StartsWith("not in force at the time", certIn["in_force_remark"]!.GetValue<string>(), StringComparison.Ordinal);
        var nis2 = regimes.Single(r => r!["regime"]!.GetValue<string>() == "eu-nis2-art23")!;
        Assert.False(nis2["in_force_at_the_time"]!.GetValue<bool>());

        var collection = (await client.GetNodeAsync($"/api/v1/indicator-collections/{demo.CollectionId}"))["collection"]!;
        Assert.Equal("CLEAR", collection["tlp"]!.GetValue<string>());
        Assert.Equal(1549, collection["indicators"]!.GetValue<int>());
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, at.Offset);
}

public sealed class DemoLoadOnSqliteTests : DemoLoadTests<DemoSqliteServer>;

public sealed class DemoLoadOnPostgresTests : DemoLoadTests<DemoPostgresServer>;

/// <summary>The demo loads only into an empty database, and says so when it is not.</summary>
public sealed class DemoRefusalTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vigil-demo-").FullName;

    private string[] Storage => [$"--Storage:DataDirectory={_data}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}"];

    [Fact]
    public async Task The_demo_refuses_a_database_that_is_not_empty_with_a_clear_message_and_exit_code_1()
    {
        var init = await CliRun.InProcessAsync(["admin", "init", .. Storage]);
        Assert.True(init.ExitCode == 0, init.ToString());

        var demo = await CliRun.InProcessAsync(["demo", .. Storage]);
        Assert.Equal(DemoStartup.Refused, demo.ExitCode);
        Assert.Contains("The database is not empty", demo.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in", demo.Out, StringComparison.Ordinal);

        // serve --demo refuses the same way, before it serves anything.
        var serve = await CliRun.InProcessAsync(["serve", "--demo", "--urls", "http://127.0.0.1:0", .. Storage]);
        Assert.Equal(1, serve.ExitCode);
        Assert.Contains("The database is not empty", serve.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_data + "-keys"))
        {
            Directory.Delete(_data + "-keys", recursive: true);
        }
    }
}

/// <summary>A server the demo can be loaded for: the arguments that point `vigil demo` at its database and key directory.</summary>
public interface IDemoServer
{
    string[] StorageArguments { get; }
}

/// <summary>The server on a fresh SQLite data directory, with the demo's log origin; its clock is after the demo's last act.</summary>
public sealed class DemoSqliteServer : VigilFactory, IDemoServer
{
    public string[] StorageArguments => [$"--Storage:DataDirectory={DataDirectory}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:Origin", DemoStartup.Origin);
    }
}

/// <summary>The same on a fresh PostgreSQL database.</summary>
public sealed class DemoPostgresServer : PostgresVigilFactory, IDemoServer
{
    public string[] StorageArguments =>
    [
        "--Storage:Provider=postgres", $"--Storage:ConnectionString={ConnectionString}", $"--Storage:DataDirectory={DataDirectory}",
        $"--Regimes:Directory={RepositoryPaths.File("regimes")}",
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:Origin", DemoStartup.Origin);
    }
}
