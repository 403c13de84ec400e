using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Dispatch;
using Vigil.Server.Features.Reminders;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notifications.Subscriptions;
using Vigil.Server.Tests.Features.Notifications.Webhooks;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications;

/// <summary>
/// Issue 16, "Done when": with a fake clock, a deadline reminder for an incident reaches its organisation's webhook
/// exactly once at each configured lead time, with two servers running. Both servers raise reminders and both
/// dispatch, to a real HTTP receiver; what arrives is counted there.
/// </summary>
public sealed class DeadlinesReachWebhookTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vigil-deadlines-webhook-").FullName;

    [Fact]
    public async Task Each_lead_time_and_the_due_time_reach_the_webhook_once_with_two_servers()
    {
        // CERT-In's report on an incident noticed at 09:00 IST is due at 15:00 IST (09:30 UTC); leads 2 h and 30 min.
        var clock = VigilFactory.NewClock(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));
        using var first = new SharedDeliveryFactory(_data, clock);
        var admin = await first.CreateActorAsync(Roles.Admin);
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, "duty@deadlines.example");
        var reporter = await first.CreateActorAsync(Roles.Reporter, organisation);
        using var second = new SharedDeliveryFactory(_data, clock);
        _ = second.Services;
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);
        foreach (var type in new[] { NotificationEvents.DeadlineDueSoon, NotificationEvents.DeadlineOverdue })
        {
            await NotificationWorld.SubscribeAsync(reporter.Client, new JsonObject
            {
                ["event_type"] = type, ["channel"] = "webhook", ["destination"] = endpoint.Id, ["organisation_id"] = organisation,
            });
        }
        var incident = await reporter.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"], \"filed_as\": []"));

        List<string> expected = [];
        foreach (var (at, told) in new[] { (new TimeSpan(7, 31, 0), "due_soon PT2H"), (new TimeSpan(9, 1, 0), "due_soon PT30M"), (new TimeSpan(9, 31, 0), "overdue -") })
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero) + at);
            await Task.WhenAll(new[] { first, second, first, second }.Select(s => ReminderRaiser.RaiseDueAsync(s.Services, CancellationToken.None)));
            first.Services.GetRequiredService<DispatchWakeup>().Wake();
            second.Services.GetRequiredService<DispatchWakeup>().Wake();
            expected.Add(told);
            Assert.True(await receiver.ReceivedAsync(expected.Count), $"the receiver got {receiver.All.Count} of {expected.Count}");
            // Give both dispatchers time to send a second copy, were either to.
            clock.Advance(DeliverySettings.Step);
            first.Services.GetRequiredService<DispatchWakeup>().Wake();
            second.Services.GetRequiredService<DispatchWakeup>().Wake();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var received = receiver.All.Select(r => JsonNode.Parse(r.Body)!).ToList();
            Assert.Equal(expected, received.Select(r => $"{r["data"]!["kind"]} {r["data"]!["lead"]?.GetValue<string>() ?? "-"}"));
            Assert.All(received, r => Assert.Equal(incident, r["data"]!["incident_id"]!.GetValue<string>()));
        }
        Assert.Equal(3, receiver.All.Select(r => r.Id).Distinct().Count());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_data + "-keys"))
        {
            Directory.Delete(_data + "-keys", recursive: true);
        }
    }
}
