using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Indicators;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Listing, adding, changing and removing subscriptions, shared by the API and the page: the same strict reading, the
/// same rule of who manages what (<see cref="SubscriptionAccess"/>), each change on the record with the organisation
/// it concerns able to read it. Where a subscription sends is not on the record (an address is a person's).
/// </summary>
public sealed class SubscriptionChanges(VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock)
{
    /// <param name="Missing">No such subscription the caller manages.</param>
    /// <param name="Forbidden">The caller may not manage the organisation it named.</param>
    public sealed record Outcome(Subscription? Row, IReadOnlyList<FieldError> Errors, bool Missing = false, bool Forbidden = false);

    /// <summary>The caller's own rows, and an organisation's it manages: its own organisation's for a reporter, the named one's for an admin.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(ClaimsPrincipal user, string? organisationId, CancellationToken cancellationToken)
    {
        var own = user.UserId();
        var organisation = organisationId ?? SubscriptionAccess.OwnOrganisation(user);
        var managed = organisation is not null && SubscriptionAccess.MayManageOrganisation(user, organisation) ? organisation : null;
        return await db.Subscriptions.AsNoTracking()
            .Where(s => s.UserId == own || (managed != null && s.UserId == null && s.OrganisationId == managed))
            .OrderBy(s => s.UserId != null).ThenBy(s => s.EventType).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary><c>{event_type, channel, destination?, digest?, enabled?, organisation_id?}</c>.</summary>
    public async Task<Outcome> CreateAsync(JsonElement body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        var fields = new SubscriptionFields(reader);
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["event_type"] = fields.ReadEventType, ["channel"] = fields.ReadChannel, ["destination"] = fields.ReadDestination,
            ["digest"] = fields.ReadDigest, ["enabled"] = fields.ReadEnabled, ["organisation_id"] = fields.ReadOrganisation,
        }, "event_type", "channel");
        if (fields.OrganisationId is { } named)
        {
            if (!SubscriptionAccess.MayManageOrganisation(user, named))
            {
                return new Outcome(null, [], Forbidden: true);
            }
            if (!await db.Organisations.AnyAsync(o => o.Id == named, cancellationToken))
            {
                reader.Fail("/organisation_id", $"there is no organisation {named}");
            }
        }
        if (reader.Errors.Count > 0)
        {
            return new Outcome(null, reader.Errors);
        }
        var now = clock.GetUtcNow();
        var row = new Subscription
        {
            OrganisationId = fields.OrganisationId ?? SubscriptionAccess.OwnOrganisation(user),
            UserId = fields.OrganisationId is null ? user.UserId() : null,
            EventType = fields.EventType!,
            Channel = fields.Channel!,
            Destination = fields.Destination,
            Digest = fields.Digest,
            Enabled = fields.Enabled ?? true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await fields.CheckDestinationAsync(db, row, row.Destination, await OwnAddressAsync(user, cancellationToken), cancellationToken);
        if (reader.Errors.Count > 0)
        {
            return new Outcome(null, reader.Errors);
        }
        await using var transaction = await CollectionTransaction.BeginAsync(db, writes, cancellationToken);
        db.Subscriptions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("subscription-created", row, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(row, []);
    }

    /// <summary><c>{enabled?, digest?, destination?}</c>: at least one.</summary>
    public async Task<Outcome> UpdateAsync(long id, JsonElement body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The body is read before the row is looked for: what it says wrong does not depend on whose row it names.
        var reader = new JsonFieldReader(clock.GetUtcNow());
        var fields = new SubscriptionFields(reader);
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["enabled"] = fields.ReadEnabled, ["digest"] = fields.ReadDigest, ["destination"] = fields.ReadDestination,
        });
        if (reader.Errors.Count == 0 && fields.Enabled is null && !fields.DigestGiven && !fields.DestinationGiven)
        {
            reader.Fail(JsonPointer.Root, "give at least one of enabled, digest, destination");
        }
        if (reader.Errors.Count > 0)
        {
            return new Outcome(null, reader.Errors);
        }
        var row = await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null || !SubscriptionAccess.MayManage(user, row))
        {
            return new Outcome(null, [], Missing: true);
        }
        if (fields.DestinationGiven)
        {
            await fields.CheckDestinationAsync(db, row, fields.Destination, await OwnAddressAsync(user, cancellationToken), cancellationToken);
        }
        if (reader.Errors.Count > 0)
        {
            return new Outcome(null, reader.Errors);
        }
        row.Enabled = fields.Enabled ?? row.Enabled;
        row.Digest = fields.DigestGiven ? fields.Digest : row.Digest;
        row.Destination = fields.DestinationGiven ? fields.Destination : row.Destination;
        row.UpdatedAt = clock.GetUtcNow();
        await RecordAsync("subscription-updated", row, user, cancellationToken);
        return new Outcome(row, []);
    }

    /// <summary>Removes a subscription; one of an organisation's defaults is disabled instead, so that it is not given back.</summary>
    public async Task<Outcome> DeleteAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null || !SubscriptionAccess.MayManage(user, row))
        {
            return new Outcome(null, [], Missing: true);
        }
        if (DefaultSubscriptions.IsDefaultShaped(row))
        {
            row.Enabled = false;
            row.UpdatedAt = clock.GetUtcNow();
            await RecordAsync("subscription-disabled", row, user, cancellationToken);
        }
        else
        {
            db.Subscriptions.Remove(row);
            await RecordAsync("subscription-deleted", row, user, cancellationToken);
        }
        return new Outcome(row, []);
    }

    private async Task<string> OwnAddressAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.UserId();
        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).SingleAsync(cancellationToken);
    }

    private Task RecordAsync(string kind, Subscription row, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        events.RecordAsync(new EventRecorder.Event(kind, "subscription", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsonObject
        {
            ["event_type"] = row.EventType, ["channel"] = row.Channel, ["digest"] = row.Digest, ["enabled"] = row.Enabled,
            ["for"] = row.UserId is null ? "organisation" : "user", ["destination_given"] = row.Destination is not null,
        }, row.OrganisationId, OrganisationMayRead: row.OrganisationId is not null), user, cancellationToken);
}
