using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Compliance;

public sealed class IncidentComplianceOnSqliteTests(VigilFactory factory) : IncidentComplianceTests<VigilFactory>(factory);

public sealed class IncidentComplianceOnPostgresTests(PostgresVigilFactory factory) : IncidentComplianceTests<PostgresVigilFactory>(factory);

public abstract class IncidentComplianceTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private static JsonNode Stage(JsonNode compliance, string regime, string stage) =>
        compliance["regimes"]!.AsArray().Single(r => r!["regime"]!.GetValue<string>() == regime)!["stages"]!.AsArray()
            .Single(s => s!["stage"]!.GetValue<string>() == stage)!;

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    [Fact]
    public async Task One_report_filed_under_two_regimes_and_an_update_filed_as_a_named_stage()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report(extra: """
            "regimes": ["in-cert-in-2022", "eu-nis2-art23"], "indicators": {"unknown": "under analysis"}
            """));

        var compliance = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/compliance");
        var certIn = Stage(compliance, "in-cert-in-2022", "incident_report");
        Assert.Equal("met_late", certIn["state"]!.GetValue<string>());
        Assert.Equal("2026-11-29T15:00:00+05:30", certIn["due_local"]!.GetValue<string>());
        Assert.Equal("2026-11-29T09:30:00+00:00", certIn["due_utc"]!.GetValue<string>());
        Assert.Equal(1, certIn["met_by"]!.GetValue<int>());
        Assert.StartsWith("P1DT30M", certIn["late_by"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(certIn["delay_reason_given"]!.GetValue<bool>());
        Assert.Contains("affected_users.by_country", Strings(certIn["at_filing"]!["missing"]));
        Assert.Equal(["indicators"], Strings(certIn["at_filing"]!["declared_unknown"]));
        Assert.Equal("met_late", Stage(compliance, "eu-nis2-art23", "early_warning")["state"]!.GetValue<string>());
        Assert.Equal("pending", Stage(compliance, "eu-nis2-art23", "notification")["state"]!.GetValue<string>());
        Assert.Equal("not_started", Stage(compliance, "eu-nis2-art23", "final")["state"]!.GetValue<string>());

        var update = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """
            {"narrative": "The incident notification.", "filed_as": [{"regime": "eu-nis2-art23", "stage": "notification"}],
             "delay_reason": "The attack was recognised only when a second report came in."}
            """);
        Assert.Equal(HttpStatusCode.Created, update.StatusCode);
        Assert.Equal(["delay_reason"], (await update.JsonAsync())["submission"]!["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()));
        compliance = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/compliance");
        var notification = Stage(compliance, "eu-nis2-art23", "notification");
        Assert.Equal("met_on_time", notification["state"]!.GetValue<string>());
        Assert.Equal(2, notification["met_by"]!.GetValue<int>());
        Assert.Equal("pending", Stage(compliance, "eu-nis2-art23", "final")["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_regimes_and_stages_are_refused_by_pointer_and_nothing_is_written()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var refused = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: """
            "regimes": ["cert-in-2022"], "filed_as": [{"regime": "in-cert-in-2022", "stage": "report"}]
            """));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["/filed_as/0/stage", "/regimes/0"], await refused.ProblemPointersAsync());

        var id = await reporter.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        var notUnder = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """
            {"narrative": "n", "filed_as": [{"regime": "eu-gdpr-art33", "stage": "notification"}]}
            """);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notUnder.StatusCode);
        Assert.Equal(["/filed_as/0/regime"], await notUnder.ProblemPointersAsync());
        Assert.Single((await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray());
        Assert.DoesNotContain((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() != id);
    }

    [Fact]
    public async Task A_preview_shows_due_times_and_missing_fields_and_saves_nothing()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var detected = (factory.Clock.GetUtcNow() - TimeSpan.FromHours(1)).ToOffset(TimeSpan.FromHours(5.5));
        var draft = $$"""
            {"title": "Spyware through calls", "detected_at": "{{detected:yyyy-MM-dd'T'HH:mm:sszzz}}", "regimes": ["in-cert-in-2022"],
             "occurred_at": {"unknown": "investigation ongoing"} }
            """;
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents/preview", draft);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.JsonAsync();
        Assert.Null(preview["incident_id"]);
        var stage = Stage(preview, "in-cert-in-2022", "incident_report");
        Assert.Equal((detected + TimeSpan.FromHours(6)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            stage["due_local"]!.GetValue<string>());
        Assert.Equal("met_on_time", stage["state"]!.GetValue<string>());
        Assert.Equal(["category", "description", "affected_systems", "symptoms", "indicators", "actions_taken", "security_systems",
            "agencies_notified", "point_of_contact", "affected_users.by_country"], Strings(stage["at_filing"]!["missing"]));
        Assert.Equal(["occurred_at"], Strings(stage["at_filing"]!["declared_unknown"]));
        Assert.Empty((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());

        var bad = await reporter.Client.PostJsonAsync("/api/v1/incidents/preview", """{"detected_at": "soon", "regimes": ["nis2"]}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["/detected_at", "/regimes/0"], await bad.ProblemPointersAsync());
    }

    [Fact]
    public async Task Another_organisations_incident_has_no_compliance_for_a_reporter()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var id = await owner.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/incidents/{id}/compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/incidents/{id}/requests")).StatusCode);
    }
}
