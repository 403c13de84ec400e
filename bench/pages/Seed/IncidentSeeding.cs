using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>
/// Each organisation's incidents, filed and followed up by its reporters; CERT analysts move some along the workflow
/// and ask for more information on some, and the reporters answer about half of those requests.
/// </summary>
public sealed class IncidentSeeding(VigilApi api, Accounts accounts, TimeProvider clock)
{
    public sealed record Filed(string Id, string OrganisationId, string Tlp, int Updates, bool HasRequest, bool HasIndicators);

    public ConcurrentBag<Filed> Incidents { get; } = [];

    public int Submissions => _submissions;

    public int Requests => _requests;

    private int _submissions, _requests;

    private static readonly string[] Workflow = ["triaged", "in_analysis", "mitigated", "closed"];

    public async Task FileAsync(IReadOnlyList<DemoOrganisation> organisations, IReadOnlyList<string> domains, int perOrganisation, int seed, int parallel)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, organisations.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, _) =>
        {
            // One random source per organisation, so that the data do not depend on how the work was scheduled.
            var random = new Random(seed * 1000 + index);
            var stories = new IncidentStories(random, domains, clock);
            var organisation = organisations[index];
            for (var n = 1; n <= perOrganisation; n++)
            {
                await FileOneAsync(organisation, stories, random, n);
            }
        });
    }

    private async Task FileOneAsync(DemoOrganisation organisation, IncidentStories stories, Random random, int number)
    {
        var reporter = organisation.Reporters[random.Next(organisation.Reporters.Count)];
        var report = stories.Report(organisation, number);
        var tlp = report["tlp"]!.GetValue<string>();
        var id = (await api.PostAsync(reporter.Token, "/api/v1/incidents", report))["incident"]!["id"]!.GetValue<string>();
        Interlocked.Increment(ref _submissions);
        var updates = random.Next(1, 5);
        for (var step = 0; step < updates; step++)
        {
            await api.PostAsync(reporter.Token, $"/api/v1/incidents/{id}/updates", stories.Update(step, organisation));
            Interlocked.Increment(ref _submissions);
        }
        var hasRequest = false;
        // The CERT reads everything but RED, which only the people named on it may.
        if (tlp != "RED")
        {
            var analyst = accounts.Analysts[random.Next(accounts.Analysts.Count)];
            if (random.Next(8) == 0)
            {
                hasRequest = true;
                await AskAndMaybeAnswerAsync(id, analyst, reporter, random);
            }
            // Incidents with an open request stay open; the others move on by zero to four steps.
            var moves = hasRequest ? random.Next(0, 3) : random.Next(0, Workflow.Length + 1);
            for (var m = 0; m < moves; m++)
            {
                await api.PostAsync(analyst.Token, $"/api/v1/incidents/{id}/status", new JsonObject { ["status"] = Workflow[m], ["reason"] = $"Moved to {Workflow[m]} after review." });
                Interlocked.Increment(ref _submissions);
            }
        }
        Incidents.Add(new Filed(id, organisation.Id!, tlp, updates, hasRequest, true));
    }

    private async Task AskAndMaybeAnswerAsync(string id, DemoUser analyst, DemoUser reporter, Random random)
    {
        var due = clock.GetUtcNow().AddDays(random.Next(1, 6));
        var opened = await api.PostAsync(analyst.Token, $"/api/v1/incidents/{id}/requests", new JsonObject
        {
            ["question"] = "How many users were affected in India, and which systems held their data?",
            ["wanted_fields"] = new JsonArray("affected_users.by_country", "affected_systems"),
            ["due_at"] = IncidentStories.Time(due, TimeSpan.FromHours(5.5)),
        });
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _submissions);
        if (random.Next(2) == 0)
        {
            var now = IncidentStories.Time(clock.GetUtcNow(), TimeSpan.FromHours(5.5));
            await api.PostAsync(reporter.Token, $"/api/v1/incidents/{id}/updates", new JsonObject
            {
                ["narrative"] = "Answering the CERT's request: the count by country and the systems involved.",
                ["answers_request"] = opened["request"]!["id"]!.GetValue<long>(),
                ["affected_users"] = new JsonObject
                {
                    ["total"] = 1200, ["as_of"] = now,
                    ["by_country"] = new JsonArray(new JsonObject { ["country"] = "IN", ["count"] = 1100, ["as_of"] = now }),
                },
                ["affected_systems"] = new JsonArray(new JsonObject { ["vendor"] = "Example", ["product"] = "Customer database", ["version"] = "12.4" }),
            });
            Interlocked.Increment(ref _submissions);
        }
    }
}
