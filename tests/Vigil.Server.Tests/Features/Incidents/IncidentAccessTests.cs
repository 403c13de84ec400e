using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents;

public sealed class IncidentAccessOnSqliteTests(VigilFactory factory) : IncidentAccessTests<VigilFactory>(factory);

public sealed class IncidentAccessOnPostgresTests(PostgresVigilFactory factory) : IncidentAccessTests<PostgresVigilFactory>(factory);

public abstract class IncidentAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_reporter_never_sees_another_organisations_incident()
    {
        var orgA = await factory.CreateActorAsync(Roles.Reporter);
        var orgB = await factory.CreateActorAsync(Roles.Reporter);
        var id = await orgB.Client.FileAsync(Api.Report("B's incident"));

        foreach (var path in new[] { $"/api/v1/incidents/{id}", $"/api/v1/incidents/{id}/history", $"/api/v1/incidents/{id}/submissions/1" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await orgA.Client.GetAsync(path)).StatusCode);
        }
        var update = await orgA.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"narrative": "not mine"}""");
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);

        var listed = await orgA.Client.GetNodeAsync($"/api/v1/incidents?organisation={orgB.OrganisationId}");
        Assert.Empty(listed["items"]!.AsArray());
        Assert.Empty((await orgA.Client.GetNodeAsync("/api/v1/incidents?q=B%27s")).AsObject()["items"]!.AsArray());
        // B still sees its own, with nothing added by A.
        Assert.Single((await orgB.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray());
    }

    [Fact]
    public async Task Only_analysts_move_statuses_and_each_move_is_a_submission_with_its_reason()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var id = await reporter.Client.FileAsync(Api.Report());
        const string Move = """{"status": "triaged", "reason": "Credible report; spyware confirmed by vendor."}""";

        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", Move)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", Move)).StatusCode);
        var moved = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", Move);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("triaged", (await moved.JsonAsync())["incident"]!["status"]!.GetValue<string>());

        foreach (var step in new[] { "in_analysis", "awaiting_information", "mitigated", "closed", "in_analysis" })
        {
            var response = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", $$"""{"status": "{{step}}", "reason": "next"}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var history = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        var statusMoves = history["submissions"]!.AsArray().Where(s => s!["kind"]!.GetValue<string>() == "status").ToList();
        Assert.Equal(6, statusMoves.Count);
        Assert.Equal("Credible report; spyware confirmed by vendor.", statusMoves[0]!["content"]!["reason"]!.GetValue<string>());
        Assert.Equal("received", statusMoves[0]!["changes"]![0]!["old"]!.GetValue<string>());
        Assert.Equal(Roles.Analyst, statusMoves[0]!["actor"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_move_the_workflow_does_not_allow_is_a_conflict_and_a_move_needs_a_reason()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(Api.Report());

        var skip = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "mitigated", "reason": "skip"}""");
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal(["/status"], await skip.ProblemPointersAsync());

        var noReason = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "triaged"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(["/reason"], await noReason.ProblemPointersAsync());
        Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray());
    }

    [Fact]
    public async Task Analysts_assign_incidents_to_analysts_only()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var colleague = await factory.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(Api.Report());

        var toReporter = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/assignment", $$"""{"assignee_id": "{{reporter.UserId}}"}""");
        Assert.Equal(["/assignee_id"], await toReporter.ProblemPointersAsync());
        var assigned = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/assignment", $$"""{"assignee_id": "{{colleague.UserId}}", "reason": "mobile team"}""");
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(colleague.UserId, (await assigned.JsonAsync())["incident"]!["assignee_id"]!.GetValue<string>());
        var reporterAssigns = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/assignment", """{"assignee_id": null}""");
        Assert.Equal(HttpStatusCode.Forbidden, reporterAssigns.StatusCode);
    }

    [Fact]
    public async Task Oversight_and_anonymous_callers_read_no_incident_content()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var id = await reporter.Client.FileAsync(Api.Report());
        // An AMBER report does not exist for oversight or the public (TLP 2.0): oversight reads figures and timelines.
        Assert.Equal(HttpStatusCode.NotFound, (await oversight.Client.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Empty((await oversight.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/incidents/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // A token that does not authenticate is told so, not read as the public.
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "vgl_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
    }

    [Fact]
    public async Task Analysts_only_file_nothing_but_read_everything()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(Api.Report());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Client.PostJsonAsync("/api/v1/incidents", Api.Report())).StatusCode);
        Assert.Equal(id, (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}"))["id"]!.GetValue<string>());
    }
}
