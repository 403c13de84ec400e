using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Reminders;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Subscriptions;

/// <summary>
/// Two servers on one database, both running their reminder job and both asked to raise reminders at once as the clock
/// passes each lead time and the due time: the organisation's webhook and its contact each get exactly one message
/// per reminder, never two.
/// </summary>
public sealed class DeadlineNotificationTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vigil-deadline-notes-").FullName;

    // CERT-In's report on an incident noticed at 09:00 IST is due at 15:00 IST (09:30 UTC); the servers start at 06:00 UTC.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public Task Each_reminder_reaches_the_webhook_and_the_contact_once_with_two_servers_on_sqlite() =>
        TwoServersAsync(() => new SharedDataVigilFactory(_data, _clock));

    [Fact]
    public Task Each_reminder_reaches_the_webhook_and_the_contact_once_with_two_servers_on_postgresql() =>
        SharedPostgresVigilFactory.OnFreshDatabaseAsync(database => TwoServersAsync(() => new SharedPostgresVigilFactory(_data, _clock, database)));

    private async Task TwoServersAsync(Func<VigilFactory> server)
    {
        using var first = server();
        using var second = server();
        var admin = await first.CreateActorAsync(Roles.Admin);
        var contact = "duty@deadlines.example";
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, contact);
        var reporter = await first.CreateActorAsync(Roles.Reporter, organisation);
        var endpoint = (await Webhooks.Outbox.CreateEndpointAsync(reporter.Client, "https://hooks.deadlines.example/vigil")).Id;
        foreach (var type in new[] { NotificationEvents.DeadlineDueSoon, NotificationEvents.DeadlineOverdue })
        {
            await NotificationWorld.SubscribeAsync(reporter.Client, new JsonObject
            {
                ["event_type"] = type, ["channel"] = "webhook", ["destination"] = endpoint, ["organisation_id"] = organisation,
            });
        }
        _ = second.Services;
        var incident = await reporter.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"], \"filed_as\": []"));
        await RaiseEverywhereAsync(first, second);
        Assert.Empty(await DeadlineMessagesAsync(first));

        string[] expected = [];
        foreach (var (at, told) in new[] { (new TimeSpan(7, 31, 0), "due_soon PT2H"), (new TimeSpan(9, 1, 0), "due_soon PT30M"), (new TimeSpan(9, 31, 0), "overdue -") })
        {
            _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero) + at);
            await RaiseEverywhereAsync(first, second);
            expected = [.. expected, $"email {contact} {told}", $"webhook {endpoint} {told}"];
            Assert.Equal(expected.Order(StringComparer.Ordinal), await DeadlineMessagesAsync(first));
        }

        var overdue = (await NotificationWorld.OutboxAsync(second.Services, NotificationEvents.DeadlineOverdue)).First(m => m.Channel == "webhook");
        var data = NotificationWorld.Data(overdue);
        Assert.Equal(incident, data["incident_id"]!.GetValue<string>());
        Assert.Equal(("in-cert-in-2022", "incident_report"), (data["regime"]!.GetValue<string>(), data["stage"]!.GetValue<string>()));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero), data["due_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(organisation, overdue.OrganisationId);
    }

    /// <summary>Both servers raise what is due, twice each, all at once; their own background jobs may run meanwhile.</summary>
    private static Task RaiseEverywhereAsync(VigilFactory first, VigilFactory second) =>
        Task.WhenAll(new[] { first, second, first, second }.Select(s => ReminderRaiser.RaiseDueAsync(s.Services, CancellationToken.None)));

    private static async Task<string[]> DeadlineMessagesAsync(VigilFactory server) =>
        [.. (await NotificationWorld.OutboxAsync(server.Services)).Where(m => m.EventType.StartsWith("deadline.", StringComparison.Ordinal))
            .Select(m => $"{m.Channel} {m.Destination} {NotificationWorld.Data(m)["kind"]!.GetValue<string>()} {NotificationWorld.Data(m)["lead"]?.GetValue<string>() ?? "-"}")
            .Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
