using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Dispatch;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notifications.Webhooks;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Dispatch;

/// <summary>
/// Issue 16: "exactly one dispatcher per message across several server processes". Two hosts on one database, both
/// dispatching, woken together on a batch of messages to one slow receiver: each message arrives once. Each host holds
/// one message at a time and the destination takes two, so neither can take everything; the receiver holds its first
/// answer until both have claimed one, so the test does not depend on which host the scheduler favours.
/// </summary>
public sealed class TwoDispatchersTests
{
    private const int Messages = 24;

    [Fact]
    public async Task Two_dispatchers_on_one_database_deliver_each_message_exactly_once()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-two-dispatchers-").FullName;
        try
        {
            var clock = VigilFactory.NewClock(VigilFactory.Start);
            (string, string)[] oneAtATime = [("Notifications:BatchSize", "1"), ("Notifications:PerDestinationConcurrency", "2")];
            using var first = new SharedDeliveryFactory(directory, clock, oneAtATime);
            var reporter = await first.CreateActorAsync(Roles.Reporter);
            using var second = new SharedDeliveryFactory(directory, clock, oneAtATime);
            var claims = (First: first.Services.GetRequiredService<OutboxClaims>(), Second: second.Services.GetRequiredService<OutboxClaims>());
            await using var receiver = await WebhookReceiver.StartAsync();
            receiver.Answer = number =>
            {
                if (number == 1)
                {
                    // Each polls at least once a second; the one holding the first message waits for the other.
                    SpinWait.SpinUntil(() => claims.First.Claimed > 0 && claims.Second.Claimed > 0, TimeSpan.FromSeconds(30));
                }
                Thread.Sleep(20);
                return StatusCodes.Status200OK;
            };
            var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);

            var ids = new List<Guid>();
            for (var i = 0; i < Messages; i++)
            {
                ids.Add(await Outbox.AddAsync(first, endpoint.Id, reporter.OrganisationId, $"reminder:{i}:{Guid.NewGuid()}"));
                second.Services.GetRequiredService<DispatchWakeup>().Wake();
            }
            foreach (var id in ids)
            {
                await Outbox.UntilAsync(first, id, m => m.State == OutboxStates.Delivered, "delivered");
            }

            Assert.Equal(Messages, receiver.All.Count);
            Assert.Equal(ids.Select(id => id.ToString()).Order(), receiver.All.Select(r => r.Id!).Order());
            foreach (var id in ids)
            {
                Assert.Single(await Outbox.AttemptsAsync(first, id));
            }
            // Both were at work: the test would prove nothing if one had delivered everything.
            var claimed = (First: claims.First.Claimed, Second: claims.Second.Claimed);
            Assert.True(claimed.First > 0 && claimed.Second > 0, $"claimed {claimed.First} and {claimed.Second}");
            Assert.Equal(Messages, claimed.First + claimed.Second);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            if (Directory.Exists(directory + "-keys"))
            {
                Directory.Delete(directory + "-keys", recursive: true);
            }
        }
    }
}
