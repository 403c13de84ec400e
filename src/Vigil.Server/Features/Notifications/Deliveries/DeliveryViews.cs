using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Notifications.Dispatch;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Deliveries;

/// <summary>
/// Who sees which deliveries, and "send again": an administrator sees every message, a reporter its organisation's,
/// and everyone the messages for themselves. The API and the pages both read here.
/// </summary>
public sealed class DeliveryViews(VigilDbContext db, EventRecorder events, DispatchWakeup wakeup, TimeProvider clock)
{
    public const string Resent = "notification-resent";

    /// <summary>The states a message may be filtered by.</summary>
    public static readonly IReadOnlyList<string> States =
        [OutboxStates.Pending, OutboxStates.Delivered, OutboxStates.Dead, OutboxStates.Held, OutboxStates.Digested];

    public static readonly IReadOnlyList<string> Channels = [NotificationChannels.Email, NotificationChannels.Webhook];

    public enum ResendResult { Resent, NotFound, NotFinished }

    public IQueryable<OutboxMessage> Visible(ClaimsPrincipal user)
    {
        var messages = db.OutboxMessages.AsNoTracking();
        if (user.IsInRole(Roles.Admin))
        {
            return messages;
        }
        var me = user.UserId();
        var organisation = user.IsInRole(Roles.Reporter) ? user.OrganisationId() : null;
        return organisation is null
            ? messages.Where(m => m.UserId == me)
            : messages.Where(m => m.UserId == me || m.OrganisationId == organisation);
    }

    /// <summary>The newest messages first, narrowed by state and channel when given.</summary>
    public async Task<List<DeliveryResponse>> ListAsync(ClaimsPrincipal user, string? state, string? channel, int limit, CancellationToken cancellationToken)
    {
        var messages = Visible(user);
        if (state is not null)
        {
            messages = messages.Where(m => m.State == state);
        }
        if (channel is not null)
        {
            messages = messages.Where(m => m.Channel == channel);
        }
        var rows = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(DeliveryResponse.From)];
    }

    public async Task<DeliveryDetailResponse?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var message = await Visible(user).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return null;
        }
        var attempts = await db.OutboxAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return new DeliveryDetailResponse(DeliveryResponse.From(message), JsonNode.Parse(message.Payload), [.. attempts.Select(AttemptResponse.From)]);
    }

    /// <summary>
    /// Makes a dead or delivered message pending again, due now, with a fresh count of tries (its history stays), on the
    /// record; a pending or held one is left as it is.
    /// </summary>
    public async Task<ResendResult> ResendAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        if (!await Visible(user).AnyAsync(m => m.Id == id, cancellationToken))
        {
            return ResendResult.NotFound;
        }
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        if (message.State is not (OutboxStates.Dead or OutboxStates.Delivered))
        {
            return ResendResult.NotFinished;
        }
        var previous = message.State;
        message.State = OutboxStates.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        message.DeliveredAt = null;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        var details = new JsonObject
        {
            ["event_type"] = message.EventType, ["event_id"] = message.EventId, ["channel"] = message.Channel, ["previous_state"] = previous,
        };
        await events.RecordAsync(new EventRecorder.Event(Resent, "notification", id.ToString(), details, message.OrganisationId, message.OrganisationId is not null),
            user, cancellationToken);
        wakeup.Wake();
        return ResendResult.Resent;
    }
}
