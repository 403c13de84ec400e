using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Webhooks;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Features.Notifications.Webhooks;
using Vigil.Server.Tests.Features.Platform;

namespace Vigil.Server.Tests.Features.Notifications.Dispatch;

/// <summary>
/// Issue 16: "killing the dispatcher mid-delivery and restarting loses nothing". A real server process delivers to a
/// receiver that holds the request open; it is killed with SIGKILL mid-delivery; a new process on the same data takes
/// the message over once the dead one's claim lapses, and the receiver gets it again under the same webhook-id.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(JobsAcrossProcessesTests.Collection)]
public sealed class DispatcherKillTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private static readonly string[] Settings =
    [
        "--Notifications:AllowPrivateNetworks=true", "--Notifications:PollInterval=00:00:00.200",
        "--Notifications:LeaseDuration=00:00:04", "--Notifications:WebhookTimeout=00:00:02",
    ];

    [Fact]
    public Task A_message_whose_dispatcher_is_killed_mid_delivery_is_delivered_after_a_restart() => SharedStorageSqlite(async directory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Holding = true;
        Guid id;
        await using (var first = StartingServer.Start(directory, Settings))
        {
            Assert.True(await first.HealthyWithinAsync(StartLimit), first.Printed);
            id = await AddMessageAsync(directory, receiver.Url);
            Assert.True(await receiver.ReceivedAsync(1, TimeSpan.FromSeconds(30)), "the first process never began the delivery:\n" + first.Printed);
            await first.KillAsync();
        }
        receiver.Holding = false;

        await using var second = StartingServer.Start(directory, Settings);
        Assert.True(await second.HealthyWithinAsync(StartLimit), second.Printed);
        Assert.True(await receiver.ReceivedAsync(2, TimeSpan.FromSeconds(30)), "the restarted process did not deliver:\n" + second.Printed);
        var message = await UntilDeliveredAsync(directory, id);

        Assert.Equal(OutboxStates.Delivered, message.State);
        Assert.All(receiver.All, r => Assert.Equal(id.ToString(), r.Id));
        await using var db = Open(directory);
        var history = await db.OutboxAttempts.AsNoTracking().Where(a => a.MessageId == id).ToListAsync();
        Assert.Equal("delivered", Assert.Single(history).Outcome);
    });

    private static async Task<Guid> AddMessageAsync(string directory, string url)
    {
        using var vault = new VaultKey(Options.Create(new VaultOptions()), Options.Create(new StorageOptions { DataDirectory = directory }));
        await using var db = Open(directory);
        var now = TimeProvider.System.GetUtcNow();
        var endpointId = Guid.NewGuid().ToString();
        db.WebhookEndpoints.Add(new WebhookEndpoint
        {
            Id = endpointId, Url = url, CreatedAt = now, UpdatedAt = now,
            SealedSecret = new WebhookSecrets(vault, TimeProvider.System).Seal(endpointId, WebhookSecrets.Create().Key),
        });
        var message = NotificationOutbox.Add(db, new NotificationOutbox.Message(
            NotificationEvents.RequestOpened, "request:" + Guid.NewGuid(), NotificationChannels.Webhook, endpointId, new JsonObject { ["request_id"] = 7 }, now), now);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private static async Task<OutboxMessage> UntilDeliveredAsync(string directory, Guid id)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Open(directory);
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
            if (message.State == OutboxStates.Delivered || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return message;
            }
            await Task.Delay(100);
        }
    }

    private static SqliteVigilDbContext Open(string directory)
    {
        var options = new DbContextOptionsBuilder<SqliteVigilDbContext>();
        VigilDatabase.ConfigureSqlite(options, $"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False");
        return new SqliteVigilDbContext(options.Options);
    }

    private static Task SharedStorageSqlite(Func<string, Task> body) => JobsAcrossProcessesOnSqliteTests.SharedAsync((directory, _) => body(directory));
}
