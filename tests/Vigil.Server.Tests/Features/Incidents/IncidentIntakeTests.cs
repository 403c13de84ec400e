using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents;

public sealed class IncidentIntakeOnSqliteTests(VigilFactory factory) : IncidentIntakeTests<VigilFactory>(factory);

public sealed class IncidentIntakeOnPostgresTests(PostgresVigilFactory factory) : IncidentIntakeTests<PostgresVigilFactory>(factory);

public abstract class IncidentIntakeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private const string FullReport = """
        {
          "title": "VoIP stack exploited to install spyware",
          "category": "malicious-code",
          "description": "Crafted RTCP packets in calls led to remote code execution on targeted phones.",
          "occurred_at": "2026-11-20T00:00:00+05:30",
          "detected_at": "2026-11-28T18:30:00+05:30",
          "affected_systems": [{"vendor": "Example Messaging", "product": "Messenger for Android", "version": "2.19.133"}],
          "critical_systems_affected": false,
          "affected_users": {"total": 1400, "as_of": "2026-11-29T12:00:00+05:30",
                             "by_country": [{"country": "IN", "count": 121, "as_of": "2026-11-29T12:00:00+05:30"}]},
          "indicators": [{"type": "domain", "value": "wha.tsapp.me"}, {"type": "process_name", "value": "bh"}],
          "symptoms": "Missed calls from unknown numbers; call logs altered.",
          "actions_taken": "Server-side mitigation deployed; fixed client released.",
          "security_systems": "Call signalling anomaly detection.",
          "agencies_notified": [{"name": "Law enforcement", "notified_at": "2026-11-29T10:00:00+05:30"}],
          "point_of_contact": {"name": "Security Lead", "role": "CISO", "email": "security@example.org", "phone": "+91 11 5555 0100"},
          "tlp": "AMBER+STRICT",
          "regimes": ["in-cert-in-2022"]
        }
        """;

    [Fact]
    public async Task A_full_report_is_stored_and_read_back_as_filed()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", FullReport);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body["incident"]!["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/incidents/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(1, body["submission"]!["sequence"]!.GetValue<int>());
        Assert.Equal(64, body["submission"]!["content_sha256"]!.GetValue<string>().Length);

        var incident = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal("received", incident["status"]!.GetValue<string>());
        Assert.Equal("AMBER+STRICT", incident["tlp"]!.GetValue<string>());
        Assert.Equal(reporter.OrganisationId, incident["organisation_id"]!.GetValue<string>());
        Assert.Equal("2026-11-28T13:00:00+00:00", incident["detected_at"]!.GetValue<string>());
        Assert.Equal(121, incident["fields"]!["affected_users"]!["by_country"]![0]!["count"]!.GetValue<int>());
        Assert.Equal("wha.tsapp.me", incident["fields"]!["indicators"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("in-cert-in-2022", incident["fields"]!["regimes"]![0]!.GetValue<string>());
        // received_at comes from the server's clock, never from the client.
        var receivedAt = DateTimeOffset.Parse(incident["received_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(receivedAt, VigilFactory.Start, factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task An_update_changing_affected_users_shows_old_and_new_in_history()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report(extra: """
            "affected_users": {"total": 100, "as_of": "2026-11-29T00:00:00Z"}
            """));
        var update = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """
            {"narrative": "The full extent is larger than first thought.",
             "affected_users": {"total": 1400, "as_of": "2026-11-30T00:00:00Z",
                                "by_country": [{"country": "IN", "count": 121, "as_of": "2026-11-30T00:00:00Z"}]}}
            """);
        Assert.Equal(HttpStatusCode.Created, update.StatusCode);
        Assert.Equal($"/api/v1/incidents/{id}/submissions/2", update.Headers.Location!.OriginalString);

        var history = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        var submissions = history["submissions"]!.AsArray();
        Assert.Equal(2, submissions.Count);
        Assert.Equal(["report", "update"], submissions.Select(s => s!["kind"]!.GetValue<string>()));
        var change = Assert.Single(submissions[1]!["changes"]!.AsArray());
        Assert.Equal("affected_users", change!["field"]!.GetValue<string>());
        Assert.Equal(100, change["old"]!["total"]!.GetValue<int>());
        Assert.Equal(1400, change["new"]!["total"]!.GetValue<int>());
        Assert.Equal("The full extent is larger than first thought.", submissions[1]!["content"]!["narrative"]!.GetValue<string>());
        Assert.Equal(reporter.UserId, submissions[1]!["actor"]!["id"]!.GetValue<string>());

        var incident = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal(1400, incident["fields"]!["affected_users"]!["total"]!.GetValue<int>());
        Assert.Equal(2, incident["submissions"]!.GetValue<int>());
    }

    [Fact]
    public async Task Declared_unknowns_are_recorded_with_their_reason_and_can_be_answered_later()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report(extra: """
            "occurred_at": {"unknown": "investigation ongoing"}, "affected_users": {"unknown": "logs still being analysed"}
            """));
        var incident = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal("investigation ongoing", incident["declared_unknown"]!["occurred_at"]!.GetValue<string>());
        Assert.Equal("logs still being analysed", incident["declared_unknown"]!["affected_users"]!.GetValue<string>());
        Assert.Null(incident["occurred_at"]);
        // Silence is not the same: a field never mentioned is simply absent.
        Assert.Null(incident["fields"]!["symptoms"]);
        Assert.Null(incident["declared_unknown"]!["symptoms"]);

        await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """
            {"narrative": "We now know when it began.", "occurred_at": "2026-11-20T00:00:00Z"}
            """);
        incident = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Null(incident["declared_unknown"]!["occurred_at"]);
        Assert.Equal("2026-11-20T00:00:00+00:00", incident["occurred_at"]!.GetValue<string>());
        var history = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        var change = Assert.Single(history["submissions"]![1]!["changes"]!.AsArray());
        Assert.Equal("investigation ongoing", change!["old"]!["unknown"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_response_and_creates_nothing()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var key = Guid.NewGuid().ToString();
        var first = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(), key);
        // The same JSON with other white space is the same request.
        var second = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report().Replace("\n", " ", StringComparison.Ordinal), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));

        var list = await reporter.Client.GetNodeAsync("/api/v1/incidents");
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_a_conflict()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var key = Guid.NewGuid().ToString();
        await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report("first"), key);
        var second = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report("second"), key);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("urn:vigil:problem:idempotency-key-reused", (await second.JsonAsync())["type"]!.GetValue<string>());
        Assert.Single((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_failed_request_does_not_use_up_its_idempotency_key()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var key = Guid.NewGuid().ToString();
        var bad = await reporter.Client.PostJsonAsync("/api/v1/incidents", "{}", key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var good = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(), key);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_is_remembered_for_a_day_and_then_forgotten()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var key = Guid.NewGuid().ToString();
        await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report("kept"), key);
        using var db = factory.OpenDatabase();
        Assert.Equal(1, db.Count("SELECT COUNT(*) FROM idempotency_records WHERE key = @key", ("key", key)));
        await Vigil.Server.Infrastructure.Http.IdempotencyRecordPruner.PruneAsync(factory.Services, factory.Clock.GetUtcNow().AddHours(-1), CancellationToken.None);
        Assert.Equal(1, db.Count("SELECT COUNT(*) FROM idempotency_records WHERE key = @key", ("key", key)));
        await Vigil.Server.Infrastructure.Http.IdempotencyRecordPruner.PruneAsync(factory.Services, factory.Clock.GetUtcNow().AddHours(25), CancellationToken.None);
        Assert.Equal(0, db.Count("SELECT COUNT(*) FROM idempotency_records WHERE key = @key", ("key", key)));
        // The incident itself is untouched.
        Assert.Single((await reporter.Client.GetNodeAsync("/api/v1/incidents?q=kept"))["items"]!.AsArray());
    }
}
