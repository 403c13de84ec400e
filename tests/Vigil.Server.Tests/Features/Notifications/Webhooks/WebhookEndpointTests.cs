using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Webhooks;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Webhooks;

/// <summary>
/// /api/v1/webhooks on a server as it runs by default: endpoints on loopback and private addresses are refused (and a
/// name that resolves to one is refused at delivery), bad bodies are named field by field, a reporter manages only its
/// own organisation's endpoints, and the record holds each change but never the secret.
/// </summary>
public sealed class WebhookEndpointTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Theory]
    [InlineData("http://hooks.example.org/vigil")]
    [InlineData("https://127.0.0.1:8443/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://169.254.169.254/latest")]
    [InlineData("https://user:pass@hooks.example.org/")]
    [InlineData("ftp://hooks.example.org/")]
    public async Task Urls_that_are_not_public_https_are_refused(string url)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/webhooks", $$"""{"url": "{{url}}"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["/url"], await response.ProblemPointersAsync());
    }

    [Fact]
    public async Task Bad_bodies_get_problem_json_naming_each_field()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var bad = await reporter.Client.PostJsonAsync("/api/v1/webhooks", """{"url": 5, "description": "", "colour": "red"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["/colour", "/description", "/url"], (await bad.ProblemPointersAsync()).Order());

        var missing = await reporter.Client.PostJsonAsync("/api/v1/webhooks", """{"description": "no url"}""");
        Assert.Equal(["/url"], await missing.ProblemPointersAsync());

        var elsewhere = await reporter.Client.PostJsonAsync("/api/v1/webhooks", $$"""{"url": "https://hooks.example.org/", "organisation_id": "{{Guid.NewGuid()}}"}""");
        Assert.Equal(["/organisation_id"], await elsewhere.ProblemPointersAsync());

        var created = await Outbox.CreateEndpointAsync(reporter.Client, "https://hooks.example.org/vigil");
        var rotation = await reporter.Client.PostJsonAsync($"/api/v1/webhooks/{created.Id}/rotate", """{"overlap": "a day", "now": true}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rotation.StatusCode);
        Assert.Equal(["/now", "/overlap"], (await rotation.ProblemPointersAsync()).Order());

        var list = (await reporter.Client.GetNodeAsync("/api/v1/webhooks")).AsArray();
        Assert.Equal(created.Id, Assert.Single(list)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reporter_manages_its_own_organisations_endpoints_only_and_the_record_never_holds_the_secret()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var endpoint = await Outbox.CreateEndpointAsync(owner.Client, "https://hooks.example.org/owner");
        Assert.StartsWith(WebhookSecrets.Prefix, endpoint.Secret, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/webhooks/{endpoint.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostJsonAsync($"/api/v1/webhooks/{endpoint.Id}/rotate", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync($"/api/v1/webhooks/{endpoint.Id}")).StatusCode);
        Assert.Empty((await other.Client.GetNodeAsync("/api/v1/webhooks")).AsArray());
        var shown = await admin.Client.GetNodeAsync($"/api/v1/webhooks/{endpoint.Id}");
        Assert.Equal(owner.OrganisationId, shown["organisation_id"]!.GetValue<string>());
        Assert.Null(shown["secret"]);

        var cert = await Outbox.CreateEndpointAsync(admin.Client, "https://soc.cert.example/vigil");
        Assert.Null((await admin.Client.GetNodeAsync($"/api/v1/webhooks/{cert.Id}"))["organisation_id"]);
        var rotated = (await (await owner.Client.PostJsonAsync($"/api/v1/webhooks/{endpoint.Id}/rotate", "{}")).JsonAsync())["secret"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/v1/webhooks/{endpoint.Id}")).StatusCode);
        Assert.False((await owner.Client.GetNodeAsync($"/api/v1/webhooks/{endpoint.Id}"))["enabled"]!.GetValue<bool>());

        await using var scope = factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().RecordEvents.AsNoTracking()
            .Where(e => e.ObjectKind == "webhook" && e.ObjectId == endpoint.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([WebhookAdministration.Created, WebhookAdministration.Rotated, WebhookAdministration.Deleted], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(owner.OrganisationId, e.OrganisationId));
        var secretText = endpoint.Secret[WebhookSecrets.Prefix.Length..];
        Assert.All(events, e => Assert.DoesNotContain(secretText, e.Content, StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain(rotated[WebhookSecrets.Prefix.Length..], e.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_at_delivery_and_the_message_is_dead()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        await using var receiver = await WebhookReceiver.StartAsync();
        // Stored directly, as a public name that later resolves to loopback would be: the connection is checked, not only the URL.
        var url = "https://localhost:" + new Uri(receiver.Url).Port + "/hook";
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            id = Guid.NewGuid().ToString();
            db.WebhookEndpoints.Add(new WebhookEndpoint
            {
                Id = id, OrganisationId = reporter.OrganisationId, Url = url,
                SealedSecret = scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Seal(id, WebhookSecrets.Create().Key),
                CreatedAt = factory.Clock.GetUtcNow(), UpdatedAt = factory.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        var message = await Outbox.AddAsync(factory, id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        var dead = await Outbox.UntilAsync(factory, message, m => m.State == OutboxStates.Dead, "dead");

        Assert.True(dead.Attempts == 1, dead.LastError);
        Assert.Contains("not public", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.All);
    }
}
