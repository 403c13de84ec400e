using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents;

public sealed class IncidentListOnSqliteTests(VigilFactory factory) : IncidentListTests<VigilFactory>(factory);

public sealed class IncidentListOnPostgresTests(PostgresVigilFactory factory) : IncidentListTests<PostgresVigilFactory>(factory);

public abstract class IncidentListTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var filed = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            filed.Add(await reporter.Client.FileAsync(Api.Report($"incident {i}")));
        }
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await reporter.Client.GetNodeAsync("/api/v1/incidents?limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(filed), seen);
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var phishing = await reporter.Client.FileAsync(Api.Report("Phishing wave").Replace("malicious-code", "identity-theft-phishing", StringComparison.Ordinal));
        var spyware = await reporter.Client.FileAsync(Api.Report("Spyware on handsets"));
        await analyst.Client.PostJsonAsync($"/api/v1/incidents/{spyware}/status", """{"status": "triaged", "reason": "r"}""");
        var org = $"organisation={reporter.OrganisationId}";

        async Task<string[]> Ids(string query) =>
            [.. (await analyst.Client.GetNodeAsync($"/api/v1/incidents?{org}&{query}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];

        Assert.Equal([phishing], await Ids("category=identity-theft-phishing"));
        Assert.Equal([spyware], await Ids("status=triaged"));
        Assert.Equal([spyware], await Ids("q=SPYWARE"));
        Assert.Equal([spyware], await Ids("q=rtcp%20packets&status=triaged"));
        Assert.Empty(await Ids("detected_from=2026-11-30T00:00:00Z"));
        Assert.Equal([spyware, phishing], await Ids("detected_from=2026-11-29T00:00:00Z&detected_to=2026-11-30T00:00:00Z"));
        Assert.Empty(await Ids("received_to=2026-11-30T09:00:00Z"));
    }
}
