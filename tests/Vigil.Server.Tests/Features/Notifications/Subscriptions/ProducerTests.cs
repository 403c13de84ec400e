using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Subscriptions;

public sealed class ProducerOnSqliteTests(VigilFactory factory) : ProducerTests<VigilFactory>(factory);

public sealed class ProducerOnPostgresTests(PostgresVigilFactory factory) : ProducerTests<PostgresVigilFactory>(factory);

/// <summary>Each change that notifies writes its outbox rows with it, to those its subscriptions and the TLP rule allow.</summary>
public abstract class ProducerTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_request_for_information_reaches_the_contact_and_a_status_change_the_organisations_webhook()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var contact = $"contact-{Guid.NewGuid():N}@rfi.example";
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, contact);
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisation);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var endpoint = (await Webhooks.Outbox.CreateEndpointAsync(reporter.Client, "https://hooks.rfi.example/vigil")).Id;
        await NotificationWorld.SubscribeAsync(reporter.Client, new JsonObject
        {
            ["event_type"] = NotificationEvents.IncidentStatusChanged, ["channel"] = "webhook", ["destination"] = endpoint, ["organisation_id"] = organisation,
        });
        var id = await reporter.Client.FileAsync(Api.Report(extra: "\"tlp\": \"AMBER\""));

        var due = (factory.Clock.GetUtcNow() + TimeSpan.FromHours(6)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var opened = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/requests", $$"""{"question": "Which handsets were targeted?", "due_at": "{{due}}"}""");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var request = Assert.Single(await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.RequestOpened), m => m.OrganisationId == organisation);
        Assert.Equal(("email", contact, OutboxStates.Pending), (request.Channel, request.Destination, request.State));
        var data = NotificationWorld.Data(request);
        Assert.Equal(id, data["incident_id"]!.GetValue<string>());
        Assert.Equal("Which handsets were targeted?", data["question"]!.GetValue<string>());
        Assert.NotNull(data["sequence"]);

        var moved = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "triaged", "reason": "Looked at."}""");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var status = Assert.Single(await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.IncidentStatusChanged), m => m.OrganisationId == organisation);
        Assert.Equal(("webhook", endpoint), (status.Channel, status.Destination));
        Assert.Equal(("received", "triaged"), (NotificationWorld.Data(status)["from"]!.GetValue<string>(), NotificationWorld.Data(status)["to"]!.GetValue<string>()));

        // A refused move changes nothing, and tells nobody.
        var refused = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "received", "reason": "Back."}""");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Single(await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.IncidentStatusChanged), m => m.OrganisationId == organisation);
    }

    [Fact]
    public async Task A_change_whose_transaction_fails_leaves_no_message_behind()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, $"contact-{Guid.NewGuid():N}@rollback.example");
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisation);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        await NotificationWorld.SubscribeAsync(reporter.Client, new JsonObject
        {
            ["event_type"] = NotificationEvents.IncidentStatusChanged, ["channel"] = "email", ["organisation_id"] = organisation,
        });
        var id = await reporter.Client.FileAsync(Api.Report());

        // The status move runs inside a transaction that then fails (rolled back here): its message was written in it.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var appender = scope.ServiceProvider.GetRequiredService<SubmissionAppender>();
            var actor = ClaimsPrincipalExtensions.Create("test", analyst.UserId, "analyst@example.org", Roles.Analyst, null);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (appended, errors) = await appender.AppendAsync(id, SubmissionKind.Status,
                JsonSerializer.SerializeToElement(new { status = "triaged", reason = "Looked at." }), new JsonObject { ["status"] = "triaged" }, actor, CancellationToken.None);
            Assert.True(appended is not null, string.Join("; ", errors.Select(e => e.Detail)));
            Assert.Contains(db.OutboxMessages.Local, m => m.EventType == NotificationEvents.IncidentStatusChanged && m.OrganisationId == organisation);
            await transaction.RollbackAsync();
        }
        Assert.DoesNotContain(await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.IncidentStatusChanged), m => m.OrganisationId == organisation);
        Assert.Equal("received", (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}"))["status"]!.GetValue<string>());

        // The same move made for real is told once.
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "triaged", "reason": "Looked at."}""")).StatusCode);
        Assert.Single(await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.IncidentStatusChanged), m => m.OrganisationId == organisation);
    }

    [Fact]
    public async Task A_note_for_whatsapp_before_2_19_134_reaches_the_organisation_running_2_19_100_only()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var exposed = await OrganisationWithInventoryAsync(admin, "2.19.100");
        var patched = await OrganisationWithInventoryAsync(admin, "2.19.134");

        var note = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl());

        var told = (await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.NotePublished)).Where(m => NotificationWorld.Data(m)["note_id"]!.GetValue<string>() == note).ToList();
        var message = Assert.Single(told, m => m.OrganisationId == exposed);
        Assert.DoesNotContain(told, m => m.OrganisationId == patched);
        var data = NotificationWorld.Data(message);
        Assert.Equal(1, data["revision"]!.GetValue<int>());
        Assert.Contains("CVE-2019-3568", data["cve_ids"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(data["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_collection_at_amber_does_not_reach_an_organisation_that_may_not_read_it()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, $"contact-{Guid.NewGuid():N}@collections.example");
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisation);
        await NotificationWorld.SubscribeAsync(reporter.Client, new JsonObject
        {
            ["event_type"] = NotificationEvents.CollectionPublished, ["channel"] = "email", ["organisation_id"] = organisation,
        });
        await NotificationWorld.SubscribeAsync(analyst.Client, new JsonObject { ["event_type"] = NotificationEvents.CollectionPublished, ["channel"] = "email" });

        var amber = await analyst.Client.CreateCollectionAsync("AMBER");
        var green = await analyst.Client.CreateCollectionAsync("GREEN");
        await analyst.Client.AddPatternsAsync(green, "[domain-name:value = 'wha.tsapp.me']");

        var told = await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.CollectionPublished);
        string CollectionOf(Vigil.Data.Entities.OutboxMessage m) => NotificationWorld.Data(m)["collection_id"]!.GetValue<string>();
        Assert.DoesNotContain(told, m => m.OrganisationId == organisation && CollectionOf(m) == amber);
        Assert.Equal(2, told.Count(m => m.OrganisationId == organisation && CollectionOf(m) == green));
        // The CERT's analyst reads AMBER and hears of both.
        Assert.Contains(told, m => m.UserId == analyst.UserId && CollectionOf(m) == amber);
        Assert.Equal("GREEN", NotificationWorld.Data(told.First(m => CollectionOf(m) == green))["tlp"]!.GetValue<string>());
    }

    private async Task<string> OrganisationWithInventoryAsync(Actor admin, string version)
    {
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, $"contact-{Guid.NewGuid():N}@inventory.example");
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisation);
        var inventory = new JsonObject
        {
            ["products"] = new JsonArray(new JsonObject { ["vendor"] = "WhatsApp", ["product"] = "WhatsApp for Android", ["version"] = version }),
        };
        var put = await reporter.Client.PutAsync($"/api/v1/organisations/{organisation}/inventory",
            new StringContent(inventory.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        await NotificationWorld.SubscribeAsync(reporter.Client, new JsonObject
        {
            ["event_type"] = NotificationEvents.NotePublished, ["channel"] = "email", ["organisation_id"] = organisation,
        });
        return organisation;
    }
}
