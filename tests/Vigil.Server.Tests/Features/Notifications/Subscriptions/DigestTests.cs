using System.Text.Json.Nodes;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Subscriptions;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Subscriptions;

public sealed class DigestOnSqliteTests(VigilFactory factory) : DigestTests<VigilFactory>(factory);

public sealed class DigestOnPostgresTests(PostgresVigilFactory factory) : DigestTests<PostgresVigilFactory>(factory);

/// <summary>Messages held for a daily digest go out as one message once their day is over, and only once.</summary>
public abstract class DigestTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_days_held_messages_become_one_digest_however_often_it_is_gathered()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        await NotificationWorld.SubscribeAsync(analyst.Client, new JsonObject
        {
            ["event_type"] = NotificationEvents.CollectionPublished, ["channel"] = "email", ["digest"] = "daily",
        });
        var collections = new[] { await analyst.Client.CreateCollectionAsync("GREEN"), await analyst.Client.CreateCollectionAsync("CLEAR") };
        var held = (await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.CollectionPublished)).Where(m => m.UserId == analyst.UserId).ToList();
        Assert.Equal(2, held.Count);
        Assert.All(held, m => Assert.Equal(OutboxStates.Held, m.State));
        Assert.Equal(0, await DigestGathering.GatherAsync(factory.Services, CancellationToken.None));

        // Once the day is over the server's own job may gather them too, at the same moment as these three runs.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var made = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DigestGathering.GatherAsync(factory.Services, CancellationToken.None)));
        Assert.True(made.Sum() <= 1);
        Assert.Equal(0, await DigestGathering.GatherAsync(factory.Services, CancellationToken.None));

        var digest = Assert.Single(await NotificationWorld.OutboxAsync(factory.Services, DigestGathering.EventType), m => m.UserId == analyst.UserId);
        Assert.Equal(OutboxStates.Pending, digest.State);
        var events = NotificationWorld.Data(digest)["events"]!.AsArray();
        Assert.Equal(collections.Order(StringComparer.Ordinal),
            events.Select(e => e!["data"]!["collection_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var gathered = (await NotificationWorld.OutboxAsync(factory.Services, NotificationEvents.CollectionPublished)).Where(m => m.UserId == analyst.UserId);
        Assert.All(gathered, m => Assert.Equal((OutboxStates.Digested, digest.Id), (m.State, m.DigestedInto!.Value)));
    }
}
