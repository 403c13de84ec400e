using System.Collections.Concurrent;
using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents;

public sealed class ConcurrentIntakeOnSqliteTests(VigilFactory shared) : ConcurrentIntakeTests<VigilFactory>(shared);

public sealed class ConcurrentIntakeOnPostgresTests(PostgresVigilFactory shared) : ConcurrentIntakeTests<PostgresVigilFactory>(shared);

public abstract class ConcurrentIntakeTests<TFactory>(TFactory shared) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_thousand_reports_from_eight_clients_make_a_thousand_intact_incidents()
    {
        const int Clients = 8, Reports = 1_000;
        // A database of its own, so that the counts below count only this test's reports.
        await using var factory = new TFactory();
        var reporters = new List<Actor>();
        for (var i = 0; i < Clients; i++)
        {
            reporters.Add(await factory.CreateActorAsync(Roles.Reporter));
        }
        var acknowledged = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(reporters.Select(reporter => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Reports)
            {
                // Every third report is sent twice with the same key, as a client retrying after a lost answer would.
                var key = $"report-{n}";
                var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report($"report {n}"), key);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                if (n % 3 == 0)
                {
                    var retry = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report($"report {n}"), key);
                    Assert.Equal(await response.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
                }
                acknowledged.Add((await response.JsonAsync())["incident"]!["id"]!.GetValue<string>());
            }
        })));

        Assert.Equal(Reports, acknowledged.Distinct().Count());
        using var db = factory.OpenDatabase();
        Assert.Equal(Reports, db.Count("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(Reports, db.Count("SELECT COUNT(*) FROM submissions"));
        Assert.Equal(0, db.Count("SELECT COUNT(*) FROM incidents i WHERE (SELECT COUNT(*) FROM submissions s WHERE s.incident_id = i.id AND s.sequence = 1) <> 1"));
        var titles = db.Strings("SELECT content FROM submissions").Select(c => System.Text.Json.Nodes.JsonNode.Parse(c)!["title"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(Reports, titles.Count);

        // Histories read back intact through the API.
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        foreach (var id in acknowledged.Take(25))
        {
            var history = await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
            Assert.Equal("report", Assert.Single(history["submissions"]!.AsArray())!["kind"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Concurrent_updates_to_one_incident_get_consecutive_sequence_numbers()
    {
        var reporter = await shared.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report());
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var response = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", $$"""{"narrative": "update {{i}}", "symptoms": "seen {{i}}"}""");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        })));
        var history = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        Assert.Equal(Enumerable.Range(1, 41), history["submissions"]!.AsArray().Select(s => s!["sequence"]!.GetValue<int>()));
        var incident = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal(41, incident["submissions"]!.GetValue<int>());
        var lastSymptoms = history["submissions"]![40]!["content"]!["symptoms"]!.GetValue<string>();
        Assert.Equal(lastSymptoms, incident["fields"]!["symptoms"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_ten_analysts_closing_one_incident_at_once_exactly_one_succeeds()
    {
        var reporter = await shared.CreateActorAsync(Roles.Reporter);
        var analyst = await shared.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(Api.Report());
        await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "triaged", "reason": "r"}""");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", $$"""{"status": "closed", "reason": "duplicate {{i}}"}"""))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var history = await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        Assert.Equal(3, history["submissions"]!.AsArray().Count);
    }
}
