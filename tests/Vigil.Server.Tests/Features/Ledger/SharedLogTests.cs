using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>Two servers on one database append to one log: every leaf once, in one order, every checkpoint consistent.</summary>
public sealed class SharedLogTests
{
    [Fact]
    public Task Two_servers_sharing_a_sqlite_file_never_fork_the_log() => SharedStorage.OnSqliteFileAsync(TwoServersAsync);

    [Fact]
    public Task Two_servers_sharing_a_postgresql_database_never_fork_the_log() => SharedStorage.OnPostgresAsync(TwoServersAsync);

    private static async Task TwoServersAsync(string[] storage)
    {
        const int PerClient = 40, ClientsPerServer = 3;
        string[] common = ["--urls", "http://127.0.0.1:0", "--FirstStart:CreateAdmin=false", .. VigilFactory.GenerousRateLimitArguments, .. storage];
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
