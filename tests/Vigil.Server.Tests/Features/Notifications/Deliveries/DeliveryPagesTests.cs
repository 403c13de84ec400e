using System.Net;
using Microsoft.AspNetCore.Http;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notifications.Webhooks;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Deliveries;

/// <summary>
/// The delivery views: the API and the pages show a reporter its organisation's messages and not another's, an
/// administrator all; "send again" on the page (a form post with its antiforgery token) makes a dead message pending
/// and it is delivered.
/// </summary>
public sealed class DeliveryPagesTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    [Fact]
    public async Task Each_sees_its_own_deliveries_and_send_again_on_the_page_delivers_a_dead_message()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => StatusCodes.Status410Gone;
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);
        var id = await Outbox.AddAsync(factory, endpoint.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        await Outbox.UntilAsync(factory, id, m => m.State == OutboxStates.Dead, "dead");

        var mine = (await reporter.Client.GetNodeAsync("/api/v1/notifications/deliveries?state=dead&channel=webhook")).AsArray();
        Assert.Equal(id.ToString(), Assert.Single(mine)!["id"]!.GetValue<string>());
        var detail = await reporter.Client.GetNodeAsync($"/api/v1/notifications/deliveries/{id}");
        Assert.Equal(410, detail["history"]![0]!["status_code"]!.GetValue<int>());
        Assert.Empty((await stranger.Client.GetNodeAsync("/api/v1/notifications/deliveries")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/notifications/deliveries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"/api/v1/notifications/deliveries/{id}/resend", null)).StatusCode);
        Assert.Contains((await admin.Client.GetNodeAsync("/api/v1/notifications/deliveries")).AsArray(), m => m!["id"]!.GetValue<string>() == id.ToString());
        var badFilter = await reporter.Client.GetAsync("/api/v1/notifications/deliveries?state=lost&limit=0");
        Assert.Equal(["limit", "state"], (await badFilter.ProblemPointersAsync()).Order());

        var strangerPage = await PageReader.SignInAsync(factory, stranger.Token);
        Assert.DoesNotContain(id.ToString(), (await strangerPage.GetAsync("/notifications/deliveries")).Html, StringComparison.Ordinal);
        var adminPage = await PageReader.SignInAsync(factory, admin.Token);
        Assert.Contains(id.ToString(), (await adminPage.GetAsync("/admin/notifications")).Html, StringComparison.Ordinal);
        Assert.Contains("सूचनाओं की डिलीवरी", (await adminPage.GetAsync("/admin/notifications", "hi")).Html, StringComparison.Ordinal);

        var page = await PageReader.SignInAsync(factory, reporter.Token);
        var (shown, html) = await page.GetAsync("/notifications/deliveries");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(id.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("410", html, StringComparison.Ordinal);
        // The event in the words the subscriptions page uses, not its name on the wire.
        Assert.Contains("A deadline is near", html, StringComparison.Ordinal);
        Assert.DoesNotContain("deadline.due_soon", html, StringComparison.Ordinal);
        receiver.Answer = _ => StatusCodes.Status200OK;
        var (sent, _) = await page.PostAsync("/notifications/deliveries", "resend", [("message", id.ToString())]);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        await Outbox.UntilAsync(factory, id, m => m.State == OutboxStates.Delivered, "delivered");
        Assert.Equal(2, receiver.All.Count);
    }
}
