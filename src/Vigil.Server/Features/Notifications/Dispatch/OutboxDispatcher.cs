using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Scheduling;

namespace Vigil.Server.Features.Notifications.Dispatch;

/// <summary>
/// Delivers the outbox: claims due messages (<see cref="OutboxClaims"/>), hands each to the channel registered under
/// its <c>Channel</c>, outside any transaction, and records the outcome. Up to <see cref="DispatchOptions.BatchSize"/>
/// messages are in flight at once; it looks again when one finishes, when woken (<see cref="DispatchWakeup"/>), and at
/// each <see cref="DispatchOptions.PollInterval"/>. Messages for a channel this process has no implementation of are
/// left for one that has. A stop in mid-delivery lets go of the claim, and a kill lets it lapse: at least once.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxClaims claims, IEnumerable<INotificationChannel> channels, DispatchWakeup wakeup, IOptions<DispatchOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        if (!options.Value.Enabled || byName.Count == 0)
        {
            return;
        }
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            var room = options.Value.BatchSize - inFlight.Count;
            var claimedAny = false;
            if (room > 0)
            {
                try
                {
                    foreach (var claim in await claims.ClaimAsync(byName.Keys, room, stoppingToken))
                    {
                        claimedAny = true;
                        inFlight.Add(DeliverAsync(claim, byName[claim.Message.Channel], stoppingToken));
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    LogClaimFailed(logger, e);
                }
            }
            if (claimedAny)
            {
                continue;
            }
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = wakeup.WaitAsync(waiting.Token);
            await Task.WhenAny([Task.Delay(options.Value.PollInterval, clock, waiting.Token), woken, .. inFlight]);
            await waiting.CancelAsync();
            // A wake-up taken by a wait that lost the race is not lost: the next look finds what it was for.
            await woken.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task DeliverAsync(OutboxClaims.Claim claim, INotificationChannel channel, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        DeliveryOutcome outcome;
        try
        {
            outcome = await channel.DeliverAsync(claim.Message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(claim);
            return;
        }
        catch (Exception e)
        {
            LogChannelThrew(logger, channel.Name, claim.Message.Id, e);
            outcome = DeliveryOutcome.Failed(JobRunRecorder.Describe(e));
        }
        var took = clock.GetElapsedTime(started);
        try
        {
            var held = await claims.RecordAsync(claim, outcome, startedAt, took, CancellationToken.None);
            if (!held)
            {
                LogClaimLapsed(logger, claim.Message.Id);
            }
            else if (outcome.Delivered)
            {
                LogDelivered(logger, claim.Message.Id, channel.Name, claim.Message.Attempts + 1);
            }
            else
            {
                LogFailed(logger, claim.Message.Id, channel.Name, claim.Message.Attempts + 1, outcome.Error ?? "", outcome.Permanent);
            }
        }
        catch (Exception e)
        {
            // The claim lapses and the message is tried again: a duplicate, never a loss.
            LogNotRecorded(logger, claim.Message.Id, e);
        }
    }

    private async Task ReleaseAsync(OutboxClaims.Claim claim)
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await claims.ReleaseAsync(claim, limit.Token);
        }
        catch (Exception e)
        {
            LogNotRecorded(logger, claim.Message.Id, e);
        }
    }

    [LoggerMessage(EventId = 16000, Level = LogLevel.Warning, Message = "Claiming due outbox messages failed; the dispatcher looks again at its next poll")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 16001, Level = LogLevel.Information, Message = "Outbox message {MessageId} delivered over {Channel} at try {Attempt}")]
    private static partial void LogDelivered(ILogger logger, Guid messageId, string channel, int attempt);

    [LoggerMessage(EventId = 16002, Level = LogLevel.Information, Message = "Outbox message {MessageId} not delivered over {Channel} at try {Attempt}: {Error} (permanent: {Permanent})")]
    private static partial void LogFailed(ILogger logger, Guid messageId, string channel, int attempt, string error, bool permanent);

    [LoggerMessage(EventId = 16003, Level = LogLevel.Warning, Message = "The {Channel} channel failed on outbox message {MessageId}; counted as a failed try")]
    private static partial void LogChannelThrew(ILogger logger, string channel, Guid messageId, Exception exception);

    [LoggerMessage(EventId = 16004, Level = LogLevel.Warning, Message = "The outcome of outbox message {MessageId} could not be recorded; its claim lapses and it is tried again")]
    private static partial void LogNotRecorded(ILogger logger, Guid messageId, Exception exception);

    [LoggerMessage(EventId = 16005, Level = LogLevel.Warning, Message = "The claim on outbox message {MessageId} lapsed during its delivery; another dispatcher holds it now")]
    private static partial void LogClaimLapsed(ILogger logger, Guid messageId);
}
