using System.Net;
using System.Text;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents;

/// <summary>Every rule on a report's body answers 4xx with problem+json naming the field, and writes nothing.</summary>
public sealed class IncidentValidationOnSqliteTests(VigilFactory factory) : IncidentValidationTests<VigilFactory>(factory);

public sealed class IncidentValidationOnPostgresTests(PostgresVigilFactory factory) : IncidentValidationTests<PostgresVigilFactory>(factory);

public abstract class IncidentValidationTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Theory]
    [MemberData(nameof(BadReportCases.All), MemberType = typeof(BadReportCases))]
    public async Task A_bad_report_is_422_naming_the_field_and_nothing_is_stored(string body, string pointer)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(pointer, await response.ProblemPointersAsync());
        Assert.Empty((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Several_bad_fields_are_all_named_at_once()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", """{"title": 1, "category": "x", "detected_at": "yesterday", "extra": true}""");
        Assert.Equal(["/title", "/category", "/detected_at", "/extra", "/description"], await response.ProblemPointersAsync());
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", """{"title": "unterminated""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:vigil:problem:malformed-json", (await response.JsonAsync())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_members_are_400()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: "\"title\": \"again\""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: $"\"symptoms\": \"{new string('s', 1024 * 1024)}\""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostAsync("/api/v1/incidents", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(["Content-Type"], await response.ProblemPointersAsync());
    }

    [Fact]
    public async Task An_update_without_a_narrative_or_with_an_unknown_field_is_422()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report());
        var response = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"status": "closed"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["/status", "/narrative"], await response.ProblemPointersAsync());
        Assert.Single((await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray());
    }

    [Fact]
    public async Task An_update_that_would_put_detection_before_occurrence_is_422()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report());
        var response = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates",
            """{"narrative": "n", "occurred_at": "2026-11-29T12:00:00+05:30"}""");
        Assert.Equal(["/occurred_at"], await response.ProblemPointersAsync());
    }

    [Fact]
    public async Task Bad_query_parameters_are_400_naming_each()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var response = await analyst.Client.GetAsync("/api/v1/incidents?status=open&limit=0&received_from=monday&cursor=zzz");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["status", "received_from", "limit", "cursor"], await response.ProblemPointersAsync());
    }
}

/// <summary>Report bodies that break one rule each, with the field the problem must name.</summary>
public static class BadReportCases
{
    public static TheoryData<string, string> All => new()
    {
        { """{"category": "malicious-code", "description": "d", "detected_at": "2026-11-29T09:00:00Z"}""", "/title" },
        { Api.Report(extra: "\"colour\": \"red\""), "/colour" },
        { Api.Report().Replace("\"malicious-code\"", "42", StringComparison.Ordinal), "/category" },
        { Api.Report().Replace("\"malicious-code\"", "\"spyware\"", StringComparison.Ordinal), "/category" },
        { Api.Report().Replace("2026-11-29T09:00:00+05:30", "2026-11-29T09:00:00", StringComparison.Ordinal), "/detected_at" },
        { Api.Report().Replace("2026-11-29T09:00:00+05:30", "2026-11-30T11:00:00Z", StringComparison.Ordinal), "/detected_at" },
        { Api.Report(extra: "\"occurred_at\": \"2026-11-29T10:00:00+05:30\""), "/detected_at" },
        { Api.Report(extra: "\"affected_users\": {\"total\": 5, \"as_of\": \"2026-11-29T00:00:00Z\", \"by_country\": [{\"country\": \"IN\", \"count\": 6, \"as_of\": \"2026-11-29T00:00:00Z\"}]}"), "/affected_users/by_country" },
        { Api.Report(extra: "\"affected_users\": {\"total\": 5, \"as_of\": \"2026-11-29T00:00:00Z\", \"by_country\": [{\"country\": \"XX\", \"count\": 1, \"as_of\": \"2026-11-29T00:00:00Z\"}]}"), "/affected_users/by_country/0/country" },
        { Api.Report(extra: "\"affected_users\": {\"total\": -1, \"as_of\": \"2026-11-29T00:00:00Z\"}"), "/affected_users/total" },
        { Api.Report(title: new string('t', 301)), "/title" },
        { Api.Report(extra: "\"indicators\": [{\"type\": \"ipv4\", \"value\": \"300.1.1.1\"}]"), "/indicators/0/value" },
        { Api.Report(extra: "\"indicators\": [{\"type\": \"sha256\", \"value\": \"abc\"}]"), "/indicators/0/value" },
        { Api.Report(extra: "\"indicators\": [{\"type\": \"hash\", \"value\": \"abc\"}]"), "/indicators/0/type" },
        { Api.Report(extra: "\"tlp\": \"WHITE\""), "/tlp" },
        { Api.Report(extra: "\"point_of_contact\": {\"name\": \"A\", \"email\": \"not-an-email\"}"), "/point_of_contact/email" },
        { Api.Report(extra: "\"critical_systems_affected\": \"yes\""), "/critical_systems_affected" },
        { Api.Report(extra: "\"occurred_at\": {\"unknown\": \"\"}"), "/occurred_at/unknown" },
        { Api.Report(extra: "\"regimes\": [\"CERT In\"]"), "/regimes/0" },
    };
}
