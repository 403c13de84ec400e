using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Compliance;

/// <summary>
/// The figures keep each incident's evaluation between requests (ComplianceCache), and never answer from a stale one:
/// a new submission and the clock reaching a due time both change the figures at once.
/// </summary>
public sealed class ComplianceCacheTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task Kept_evaluations_give_way_to_a_new_submission_and_to_a_due_time_passing()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        // NIS2: the early warning (24 h) is met late by the report; the notification (72 h after noticing) is still to come.
        var id = await reporter.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"eu-nis2-art23\"]"));
        var path = $"/api/v1/compliance?org={reporter.OrganisationId}";

        var first = (await oversight.Client.GetNodeAsync(path))["rows"]![0]!;
        var again = (await oversight.Client.GetNodeAsync(path))["rows"]![0]!;
        Assert.Equal(1, first["deadlines"]!.GetValue<int>());
        Assert.Equal(first.ToJsonString(), again.ToJsonString());

        // The notification's 72 hours pass with nothing filed: it is overdue, so decided, at once.
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var later = (await oversight.Client.GetNodeAsync(path))["rows"]![0]!;
        Assert.Equal(2, later["deadlines"]!.GetValue<int>());
        Assert.Equal(0, later["met_on_time"]!.GetValue<int>());

        // A request for information is a submission on the incident (a new version): the figures count it at once.
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var due = (factory.Clock.GetUtcNow() + TimeSpan.FromDays(2)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/requests", $$"""{"question": "Which systems?", "due_at": "{{due}}"}""")).IsSuccessStatusCode);
        later = (await oversight.Client.GetNodeAsync(path))["rows"]![0]!;
        Assert.Equal(1, later["requests_open"]!.GetValue<int>());

        // A reporter's own figures are its own reading, and agree.
        Assert.Equal(later.ToJsonString(), (await reporter.Client.GetNodeAsync("/api/v1/compliance"))["rows"]![0]!.ToJsonString());
    }
}
