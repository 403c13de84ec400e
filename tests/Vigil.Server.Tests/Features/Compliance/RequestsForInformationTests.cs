using System.Globalization;
using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Compliance;

public sealed class RequestsForInformationOnSqliteTests(VigilFactory factory) : RequestsForInformationTests<VigilFactory>(factory);

public sealed class RequestsForInformationOnPostgresTests(PostgresVigilFactory factory) : RequestsForInformationTests<PostgresVigilFactory>(factory);

public abstract class RequestsForInformationTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private string Later(TimeSpan span) => (factory.Clock.GetUtcNow() + span).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<(Actor Reporter, Actor Analyst, string Id)> IncidentAsync()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(Api.Report(extra: """
            "regimes": ["in-cert-in-2022"], "affected_users": {"total": 1400, "as_of": "2026-11-29T10:00:00Z"}
            """));
        return (reporter, analyst, id);
    }

    [Fact]
    public async Task A_request_answered_late_is_late_by_the_right_amount_and_its_fields_are_answered_afterwards()
    {
        var (reporter, analyst, id) = await IncidentAsync();
        var opened = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/requests", $$"""
            {"question": "How many targeted users are in India?", "wanted_fields": ["affected_users.by_country"], "due_at": "{{Later(TimeSpan.FromMinutes(10))}}",
             "for_stage": {"regime": "in-cert-in-2022", "stage": "further_information"} }
            """);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var body = await opened.JsonAsync();
        var sequence = body["request"]!["id"]!.GetValue<int>();
        Assert.Equal(2, sequence);
        Assert.Equal("open", body["request"]!["state"]!.GetValue<string>());
        Assert.Equal("request", body["submission"]!["kind"]!.GetValue<string>());
        Assert.True(body["receipt"]!["leaf_index"]!.GetValue<long>() >= 0);
        Assert.Equal(["affected_users.by_country"], body["request"]!["now"]!["missing"]!.AsArray().Select(m => m!.GetValue<string>()));

        // Small steps of the fake clock: every second of it wakes the checkpoint signer.
        factory.Clock.Advance(TimeSpan.FromMinutes(40));
        var listed = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/requests");
        Assert.Equal("overdue", listed["requests"]![0]!["state"]!.GetValue<string>());

        var answer = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", $$"""
            {"narrative": "The count by country.", "answers_request": {{sequence}},
             "affected_users": {"total": 1400, "as_of": "2026-11-29T10:00:00Z", "by_country": [{"country": "IN", "count": 121, "as_of": "2026-11-29T10:00:00Z"}]} }
            """);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);

        var request = (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/requests"))["requests"]![0]!;
        Assert.Equal("answered_late", request["state"]!.GetValue<string>());
        Assert.Equal(3, request["answered_by"]!.GetValue<int>());
        var lateBy = System.Xml.XmlConvert.ToTimeSpan(request["late_by"]!.GetValue<string>());
        Assert.InRange(lateBy, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        Assert.Empty(request["at_answer"]!["missing"]!.AsArray());
        Assert.Empty(request["now"]!["missing"]!.AsArray());

        // The request set the due time of CERT-In's "further information" stage, which the answer met, late.
        var compliance = await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/compliance");
        var stage = compliance["regimes"]![0]!["stages"]!.AsArray().Single(s => s!["stage"]!.GetValue<string>() == "further_information")!;
        Assert.Equal("met_late", stage["state"]!.GetValue<string>());
        Assert.Equal(request["late_by"]!.GetValue<string>(), stage["late_by"]!.GetValue<string>());

        // The request is on the record, and sets no field of the incident.
        var history = await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        var recorded = history["submissions"]![1]!;
        Assert.Equal("request", recorded["kind"]!.GetValue<string>());
        Assert.Empty(recorded["changes"]!.AsArray());
    }

    [Fact]
    public async Task A_bad_request_is_refused_whole_naming_each_field_and_writes_nothing()
    {
        var (reporter, analyst, id) = await IncidentAsync();
        var refused = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/requests", $$"""
            {"question": "", "wanted_fields": ["colour"], "due_at": "{{Later(TimeSpan.FromHours(-1))}}",
             "for_stage": {"regime": "in-cert-in-2022", "stage": "incident_report"}, "urgent": true}
            """);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["/question", "/wanted_fields/0", "/due_at", "/for_stage/stage", "/urgent"], await refused.ProblemPointersAsync());

        var byReporter = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/requests", $$"""{"question": "q", "due_at": "{{Later(TimeSpan.FromHours(1))}}"}""");
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);

        var notARequest = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"narrative": "n", "answers_request": 1}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notARequest.StatusCode);
        Assert.Equal(["/answers_request"], await notARequest.ProblemPointersAsync());

        Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray());
        Assert.Empty((await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/requests"))["requests"]!.AsArray());
    }
}
