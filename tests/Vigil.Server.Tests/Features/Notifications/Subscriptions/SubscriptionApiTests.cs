using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Features.Notifications.Subscriptions;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Subscriptions;

public sealed class SubscriptionApiOnSqliteTests(VigilFactory factory) : SubscriptionApiTests<VigilFactory>(factory);

public sealed class SubscriptionApiOnPostgresTests(PostgresVigilFactory factory) : SubscriptionApiTests<PostgresVigilFactory>(factory);

/// <summary>/api/v1/subscriptions: an organisation's defaults, strict bodies, and who manages which rows.</summary>
public abstract class SubscriptionApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_new_organisation_has_its_defaults_and_a_disabled_default_stays_disabled()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, "contact@defaults.example");
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisation);

        var rows = (await reporter.Client.GetNodeAsync("/api/v1/subscriptions"))["items"]!.AsArray();
        Assert.Equal(["deadline.due_soon", "deadline.overdue", "request.opened"], rows.Select(r => r!["event_type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            Assert.Equal("email", r!["channel"]!.GetValue<string>());
            Assert.Null(r["destination"]);
            Assert.Null(r["user_id"]);
            Assert.True(r["enabled"]!.GetValue<bool>());
            Assert.True(r["default"]!.GetValue<bool>());
        });

        var overdue = rows.Single(r => r!["event_type"]!.GetValue<string>() == "deadline.overdue")!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.Client.DeleteAsync($"/api/v1/subscriptions/{overdue}")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The start-up pass gives defaults to organisations without them: this one has a disabled row, so gets nothing.
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            await DefaultSubscriptions.EnsureAllAsync(db, factory.Clock.GetUtcNow(), CancellationToken.None);
        }
        var after = (await reporter.Client.GetNodeAsync("/api/v1/subscriptions"))["items"]!.AsArray();
        Assert.Equal(3, after.Count);
        Assert.False(after.Single(r => r!["id"]!.GetValue<long>() == overdue)!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_organisation_that_predates_notifications_gets_its_defaults_once()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        Assert.Empty((await reporter.Client.GetNodeAsync("/api/v1/subscriptions"))["items"]!.AsArray());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        Assert.True(await DefaultSubscriptions.EnsureAllAsync(db, factory.Clock.GetUtcNow(), CancellationToken.None) >= 3);
        Assert.Equal(0, await DefaultSubscriptions.EnsureAllAsync(db, factory.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(3, (await reporter.Client.GetNodeAsync("/api/v1/subscriptions"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bad_bodies_are_refused_naming_each_field()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var organisation = reporter.OrganisationId!;
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", """{"event_type": "note.deleted", "channel": "pigeon", "colour": "red"}"""),
            "/channel", "/colour", "/event_type");
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", """{"digest": "weekly"}"""), "/channel", "/digest", "/event_type");
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", $$"""{"event_type": "note.published", "channel": "webhook", "organisation_id": "{{organisation}}"}"""),
            "/destination");
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", """{"event_type": "note.published", "channel": "webhook", "destination": "endpoint-1"}"""),
            "/channel");
        // A webhook subscription names one of the organisation's own endpoints, not any id.
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", $$"""{"event_type": "note.published", "channel": "webhook", "destination": "no-such-endpoint", "organisation_id": "{{organisation}}"}"""),
            "/destination");
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", $$"""{"event_type": "note.published", "channel": "email", "destination": "not-an-address", "organisation_id": "{{organisation}}"}"""),
            "/destination");
        // An organisation's mail goes to its contact or its members, not to any address.
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", $$"""{"event_type": "note.published", "channel": "email", "destination": "someone@elsewhere.example", "organisation_id": "{{organisation}}"}"""),
            "/destination");
        await Refused(reporter.Client.PostJsonAsync("/api/v1/subscriptions", """{"event_type": "note.published", "channel": "email", "destination": "someone@elsewhere.example"}"""),
            "/destination");

        var created = await NotificationWorld.SubscribeAsync(reporter.Client, new JsonObject
        {
            ["event_type"] = "note.published", ["channel"] = "email", ["destination"] = "contact@example.org", ["organisation_id"] = organisation,
        });
        var id = created["id"]!.GetValue<long>();
        await Refused(Patch(reporter.Client, id, "{}"), "");
        await Refused(Patch(reporter.Client, id, """{"enabled": "yes", "digest": "weekly"}"""), "/digest", "/enabled");
        var daily = await Patch(reporter.Client, id, """{"digest": "daily", "enabled": false}""");
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        var changed = await daily.JsonAsync();
        Assert.Equal("daily", changed["digest"]!.GetValue<string>());
        Assert.False(changed["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_reporter_cannot_touch_another_organisations_subscriptions()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var other = await NotificationWorld.OrganisationAsync(admin.Client, "contact@other.example");
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var theirs = (await admin.Client.GetNodeAsync($"/api/v1/subscriptions?organisation={other}"))["items"]!.AsArray();
        Assert.Equal(3, theirs.Count);
        var id = theirs[0]!["id"]!.GetValue<long>();

        var create = await reporter.Client.PostJsonAsync("/api/v1/subscriptions", $$"""{"event_type": "note.published", "channel": "email", "organisation_id": "{{other}}"}""");
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(["/organisation_id"], await create.ProblemPointersAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Patch(reporter.Client, id, """{"enabled": false}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Client.DeleteAsync($"/api/v1/subscriptions/{id}")).StatusCode);
        Assert.DoesNotContain((await reporter.Client.GetNodeAsync($"/api/v1/subscriptions?organisation={other}"))["items"]!.AsArray(),
            r => r!["organisation_id"]?.GetValue<string>() == other);
        // Nothing changed: all three still on.
        Assert.All((await admin.Client.GetNodeAsync($"/api/v1/subscriptions?organisation={other}"))["items"]!.AsArray(), r => Assert.True(r!["enabled"]!.GetValue<bool>()));

        // An analyst subscribes itself to CERT-wide events, but not an organisation.
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var own = await NotificationWorld.SubscribeAsync(analyst.Client, new JsonObject { ["event_type"] = "collection.published", ["channel"] = "email" });
        Assert.Null(own["organisation_id"]);
        Assert.Equal(analyst.UserId, own["user_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await analyst.Client.PostJsonAsync("/api/v1/subscriptions", $$"""{"event_type": "note.published", "channel": "email", "organisation_id": "{{other}}"}""")).StatusCode);
    }

    private static Task<HttpResponseMessage> Patch(HttpClient client, long id, string json) =>
        client.PatchAsync($"/api/v1/subscriptions/{id}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    private static async Task Refused(Task<HttpResponseMessage> sending, params string[] pointers)
    {
        var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pointers, (await response.ProblemPointersAsync()).Order(StringComparer.Ordinal));
    }
}
