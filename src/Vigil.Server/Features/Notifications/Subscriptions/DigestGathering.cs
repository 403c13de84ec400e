using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Gathers the messages held for a daily digest into one message per destination and day (UTC), once the day is
/// over: the digest is a new pending message listing the gathered events, and each gathered message is marked
/// digested into it, in one transaction per digest. The digest's event id is made of the day and the first gathered
/// message's id, so a second run, or a second server, gathering the same messages adds no second digest: the outbox's
/// unique index refuses it and the transaction that lost leaves everything as it was.
/// </summary>
public static class DigestGathering
{
    public const string EventType = "digest";
    public const string Daily = "daily";

    /// <summary>Gathers every finished day's held messages; returns how many digests it added.</summary>
    public static async Task<int> GatherAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<WriteTransactions>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var held = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == OutboxStates.Held && m.Digest == Daily && m.CreatedAt < today)
            .Select(m => new { m.Id, m.Channel, m.Destination, m.CreatedAt }).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var group in held.GroupBy(m => (m.Channel, m.Destination, Day: m.CreatedAt.UtcDateTime.Date)))
        {
            made += await DigestAsync(db, writes, [.. group.Select(m => m.Id)], group.Key.Day, now, cancellationToken) ? 1 : 0;
            db.ChangeTracker.Clear();
        }
        return made;
    }

    private static async Task<bool> DigestAsync(VigilDbContext db, WriteTransactions writes, List<Guid> ids, DateTime day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        // Read again inside the transaction: another server may have gathered them since.
        var messages = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.State == OutboxStates.Held).ToListAsync(cancellationToken);
        if (messages.Count == 0)
        {
            return false;
        }
        messages = [.. messages.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)];
        var first = messages.MinBy(m => m.Id)!;
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var digest = NotificationOutbox.Add(db, new NotificationOutbox.Message(EventType, $"digest:{dayText}:{first.Id:N}", first.Channel, first.Destination,
            new JsonObject
            {
                ["period"] = Daily,
                ["day"] = dayText,
                ["events"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
                {
                    ["id"] = m.Id.ToString(), ["type"] = m.EventType, ["event_id"] = m.EventId, ["occurred_at"] = m.OccurredAt, ["data"] = JsonNode.Parse(m.Payload),
                })]),
            }, messages[^1].OccurredAt)
        {
            OrganisationId = Same(messages.Select(m => m.OrganisationId)),
            UserId = Same(messages.Select(m => m.UserId)),
            SubscriptionId = Same(messages.Select(m => m.SubscriptionId)),
            Locale = first.Locale,
        }, now);
        foreach (var message in messages)
        {
            message.State = OutboxStates.Digested;
            message.DigestedInto = digest.Id;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another server made this digest first: theirs stands.
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    private static T? Same<T>(IEnumerable<T?> values)
    {
        var distinct = values.Distinct().Take(2).ToList();
        return distinct.Count == 1 ? distinct[0] : default;
    }
}
