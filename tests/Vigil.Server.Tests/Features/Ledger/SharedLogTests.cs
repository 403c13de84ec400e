using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>Two servers on one database append to one log: every leaf once, in one order, every checkpoint consistent.</summary>
public sealed class SharedLogTests
{
    [Fact]
    public async Task Two_servers_sharing_a_sqlite_file_never_fork_the_log()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-shared-").FullName;
        try
        {
            await TwoServersAsync([$"--Storage:DataDirectory={directory}"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Two_servers_sharing_a_postgresql_database_never_fork_the_log()
    {
        var admin = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("The PostgreSQL tests need VIGIL_TEST_POSTGRES; ./test.sh starts a server and sets it.");
        var database = "vigil_shared_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }
        var keyDirectory = Directory.CreateTempSubdirectory("vigil-shared-key-").FullName;
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            await TwoServersAsync(["--Storage:Provider=postgres", $"--Storage:ConnectionString={connectionString}", $"--Ledger:KeyFile={Path.Combine(keyDirectory, "ledger.key")}"]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            Directory.Delete(keyDirectory, recursive: true);
        }
    }

    private static async Task TwoServersAsync(string[] storage)
    {
        const int PerClient = 40, ClientsPerServer = 3;
        string[] common = ["--urls", "http://127.0.0.1:0", "--FirstStart:CreateAdmin=false", .. storage];
        await using var first = Program.BuildApp(common);
        await first.StartAsync();
        // The second starts once the first has created the database and the key: then both append at once.
        await using var second = Program.BuildApp(common);
        await second.StartAsync();

        var reporter = await Seed.UserAsync(first.Services, Roles.Reporter);
        var clients = new[] { first, second }.SelectMany(app => Enumerable.Range(0, ClientsPerServer).Select(_ => RunningServer.ClientFor(app, reporter.Token))).ToList();
        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            for (var i = 0; i < PerClient; i++)
            {
                var response = await client.PostJsonAsync("/api/v1/incidents", Api.Report($"client {c} report {i}"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
        })));

        await using var scope = first.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAudit>().RunAsync(CancellationToken.None);
        Assert.True(report.Clean, string.Join("\n", report.Findings));
        Assert.Equal(clients.Count * PerClient, report.Leaves);
        Assert.Equal(clients.Count * PerClient, report.Submissions);
        Assert.True(report.Checkpoints >= report.Leaves);
        await first.StopAsync();
        await second.StopAsync();
    }
}
