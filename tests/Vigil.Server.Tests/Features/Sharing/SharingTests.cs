using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Sharing;

public sealed class SharingOnSqliteTests(VigilFactory factory) : SharingTests<VigilFactory>(factory);

public sealed class SharingOnPostgresTests(PostgresVigilFactory factory) : SharingTests<PostgresVigilFactory>(factory);

/// <summary>AMBER shared with named organisations by the CERT; RED read by named people only; both on the record.</summary>
public abstract class SharingTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task The_cert_shares_an_amber_incident_with_an_organisation_on_the_record_and_can_take_it_back()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var partner = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await owner.Client.FileAsync(Api.Report("Shared with a partner", "\"tlp\": \"AMBER\""));
        var path = $"/api/v1/incidents/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Client.GetAsync(path)).StatusCode);

        // Only the CERT shares, and only with an organisation that exists.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.PostJsonAsync($"{path}/shares", $$"""{"organisation_id": "{{partner.OrganisationId}}"}""")).StatusCode);
        var missing = await analyst.Client.PostJsonAsync($"{path}/shares", """{"organisation_id": "nobody"}""");
        Assert.Equal(["/organisation_id"], await missing.ProblemPointersAsync());
        Assert.Equal(HttpStatusCode.Created, (await analyst.Client.PostJsonAsync($"{path}/shares", $$"""{"organisation_id": "{{partner.OrganisationId}}"}""")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await partner.Client.GetAsync(path)).StatusCode);
        // Reading is not acting: the partner may not add to another organisation's incident.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Client.PostJsonAsync($"{path}/updates", """{"actions_taken": "not ours"}""")).StatusCode);
        var access = await owner.Client.GetNodeAsync($"{path}/access");
        Assert.Equal(partner.OrganisationId, access["shared_with"]![0]!["organisation_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Client.GetAsync($"{path}/access")).StatusCode);

        // The owner sees that it was shared, by whom, and that the partner read it; all on the record.
        var events = (await owner.Client.GetNodeAsync($"/api/v1/events?object_id={id}")).AsArray();
        Assert.Contains(events, e => e!["kind"]!.GetValue<string>() == "shared" && e["actor_id"]!.GetValue<string>() == analyst.UserId);
        var reads = (await owner.Client.GetNodeAsync($"{path}/reads")).AsArray();
        Assert.Contains(reads, r => r!["reader_organisation_id"]?.GetValue<string>() == partner.OrganisationId);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.Client.DeleteAsync($"{path}/shares/{partner.OrganisationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_red_report_is_read_by_the_people_its_source_names_and_by_nobody_else()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var colleague = await factory.CreateActorAsync(Roles.Reporter, owner.OrganisationId);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var other = await factory.CreateActorAsync(Roles.Analyst);
        var id = await owner.Client.FileAsync(Api.Report("Named readers only", "\"tlp\": \"RED\""));
        var path = $"/api/v1/incidents/{id}";

        // RED: not the CERT as a whole, not even the filer's own colleagues, until named.
        foreach (var reader in new[] { analyst, colleague, other })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync(path)).StatusCode);
        }
        // The CERT still knows it exists and when it is due: the timeline carries no content.
        var timeline = await analyst.Client.GetStringAsync($"{path}/timeline");
        Assert.DoesNotContain("Named readers only", timeline, StringComparison.Ordinal);

        var named = await owner.Client.PostJsonAsync($"{path}/readers", $$"""{"user_id": "{{analyst.UserId}}"}""");
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync(path)).StatusCode);
        // A recipient of RED may not pass it on.
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Client.PostJsonAsync($"{path}/readers", $$"""{"user_id": "{{other.UserId}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"{path}/readers/{analyst.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Reads_of_a_confidential_incident_from_outside_its_organisation_are_on_the_record_for_the_owner()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var amber = await owner.Client.FileAsync(Api.Report("Read by the CERT"));
        var green = await owner.Client.FileAsync(Api.Report("Community", "\"tlp\": \"GREEN\""));

        await owner.Client.GetStringAsync($"/api/v1/incidents/{amber}");
        await analyst.Client.GetStringAsync($"/api/v1/incidents/{amber}");
        await analyst.Client.GetStringAsync($"/api/v1/incidents/{amber}/history");
        await analyst.Client.GetStringAsync($"/api/v1/incidents/{green}");

        var reads = (await owner.Client.GetNodeAsync($"/api/v1/incidents/{amber}/reads")).AsArray();
        Assert.Equal(["incident", "history"], reads.Select(r => r!["what"]!.GetValue<string>()));
        Assert.All(reads, r => Assert.Equal(analyst.UserId, r!["reader_id"]!.GetValue<string>()));
        Assert.Empty((await owner.Client.GetNodeAsync($"/api/v1/incidents/{green}/reads")).AsArray());

        // Each read is a leaf of the log, and the audit accounts for it.
        var leaf = reads[0]!["leaf_index"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/ledger/entries/{leaf}")).StatusCode);
    }

    [Fact]
    public async Task Internal_remarks_are_on_the_record_and_never_reach_the_reporting_organisation()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await owner.Client.FileAsync(Api.Report());
        const string Remark = "Looks like the same actor as last spring; do not tell them yet.";

        var added = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/remarks", $$"""{"text": "{{Remark}}"}""");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(Remark, (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/remarks"))[0]!["text"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync($"/api/v1/incidents/{id}/remarks")).StatusCode);
        foreach (var path in new[] { $"/api/v1/incidents/{id}", $"/api/v1/incidents/{id}/history", $"/api/v1/events?object_id={id}", "/api/v1/events", $"/api/v1/incidents/{id}/reads" })
        {
            Assert.DoesNotContain(Remark, await owner.Client.GetStringAsync(path), StringComparison.Ordinal);
        }
    }
}
