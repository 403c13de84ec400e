using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Scheduling;

namespace Vigil.Server.Features.Notifications.Dispatch;

/// <summary>
/// The dispatcher's dealings with the outbox. A message is claimed by one conditional UPDATE that only succeeds while
/// it is pending, due and not under a live claim, so across any number of server processes exactly one holds it; the
/// claim names a fresh token and lapses at <c>LeaseUntil</c>, so a dispatcher that dies while delivering lets go of it
/// by itself. The outcome is recorded only by the claim's holder, with a row in the attempt history for every try.
/// </summary>
public sealed class OutboxClaims(IServiceScopeFactory scopes, IOptions<DispatchOptions> options, TimeProvider clock)
{
    private long _claimed;

    /// <summary>Messages this process has claimed since it started, for tests and measurements.</summary>
    public long Claimed => Interlocked.Read(ref _claimed);

    /// <summary>A message this process holds, and the token its claim carries.</summary>
    public sealed record Claim(OutboxMessage Message, string Token);

    /// <summary>
    /// Claims up to <paramref name="room"/> due messages over <paramref name="channels"/>, oldest due first, leaving out
    /// destinations that already have <see cref="DispatchOptions.PerDestinationConcurrency"/> messages in flight anywhere.
    /// </summary>
    public async Task<List<Claim>> ClaimAsync(IReadOnlyCollection<string> channels, int room, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var now = clock.GetUtcNow();
        var names = channels.ToList();
        var candidates = await Due(db, now).Where(m => names.Contains(m.Channel))
            .OrderBy(m => m.NextAttemptAt).Select(m => new { m.Id, m.Channel, m.Destination })
            .Take(room * 4).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }
        var destinations = candidates.Select(c => c.Destination).Distinct().ToList();
        var busy = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.State == OutboxStates.Pending && m.LeaseUntil != null && m.LeaseUntil > now && destinations.Contains(m.Destination))
                .Select(m => new { m.Channel, m.Destination }).ToListAsync(cancellationToken))
            .CountBy(m => (m.Channel, m.Destination)).ToDictionary();
        var claimed = new List<(Guid Id, string Token)>();
        foreach (var candidate in candidates)
        {
            var key = (candidate.Channel, candidate.Destination);
            if (claimed.Count >= room || busy.GetValueOrDefault(key) >= options.Value.PerDestinationConcurrency)
            {
                continue;
            }
            var token = $"{JobRunRecorder.Instance}/{Guid.NewGuid():N}";
            var until = now + options.Value.LeaseDuration;
            var taken = await Due(db, now).Where(m => m.Id == candidate.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, token).SetProperty(m => m.LeaseUntil, until), cancellationToken);
            if (taken == 1)
            {
                busy[key] = busy.GetValueOrDefault(key) + 1;
                Interlocked.Increment(ref _claimed);
                claimed.Add((candidate.Id, token));
            }
        }
        var ids = claimed.Select(c => c.Id).ToList();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return [.. claimed.Select(c => new Claim(messages[c.Id], c.Token))];
    }

    /// <summary>
    /// Records how a try ended: delivered, to be tried again after the backoff, or dead (the last allowed try, or a
    /// permanent refusal). False when the claim was no longer this process's (it lapsed and another took the message):
    /// the try still enters the history, the message is left to its new holder.
    /// </summary>
    public async Task<bool> RecordAsync(Claim claim, DeliveryOutcome outcome, DateTimeOffset startedAt, TimeSpan took, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var now = clock.GetUtcNow();
        var attempts = claim.Message.Attempts + 1;
        var error = outcome.Delivered ? null : Shorten(outcome.Error ?? "failed");
        var state = outcome.Delivered ? OutboxStates.Delivered
            : outcome.Permanent || attempts >= options.Value.MaxAttempts ? OutboxStates.Dead : OutboxStates.Pending;
        var next = state == OutboxStates.Pending
            ? now + Backoff.After(attempts, options.Value.BaseBackoff, options.Value.MaxBackoff, outcome.RetryAfter, Random.Shared.NextDouble())
            : claim.Message.NextAttemptAt;
        DateTimeOffset? deliveredAt = outcome.Delivered ? now : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The update comes first: on SQLite the transaction then takes the write lock before it reads anything.
        var held = await db.OutboxMessages.Where(m => m.Id == claim.Message.Id && m.LeaseOwner == claim.Token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, state)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastAttemptAt, startedAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.DeliveredAt, deliveredAt)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 1;
        db.OutboxAttempts.Add(new OutboxAttempt
        {
            MessageId = claim.Message.Id,
            At = startedAt,
            Outcome = outcome.Delivered ? OutboxStates.Delivered : held && state == OutboxStates.Dead ? OutboxStates.Dead : "failed",
            Error = error,
            StatusCode = outcome.StatusCode,
            DurationMilliseconds = (int)Math.Min(int.MaxValue, Math.Max(0, took.TotalMilliseconds)),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return held;
    }

    /// <summary>Lets go of a claim without a try (the server is stopping): the message is due again at once, for any process.</summary>
    public async Task ReleaseAsync(Claim claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VigilDbContext>().OutboxMessages
            .Where(m => m.Id == claim.Message.Id && m.LeaseOwner == claim.Token)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private static IQueryable<OutboxMessage> Due(VigilDbContext db, DateTimeOffset now) => db.OutboxMessages
        .Where(m => m.State == OutboxStates.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil <= now));

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..499] + "…";
}
