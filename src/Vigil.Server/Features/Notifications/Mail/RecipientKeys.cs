using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Inventory;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// Registering the OpenPGP public key that mail to a user, or to an organisation's point of contact, is encrypted
/// to: checked (<see cref="RecipientOpenPgpKey"/>) before it is stored, and each change on the record with the key's
/// fingerprint. A user sets its own; an organisation's reporters, or the CERT's staff, set its contact's.
/// </summary>
public sealed class RecipientKeys(VigilDbContext db, EventRecorder events, TimeProvider clock)
{
    public const string KeySet = "openpgp-key-set";
    public const string KeyCleared = "openpgp-key-cleared";

    public abstract record Outcome;
    public sealed record Done(string? Fingerprint) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;
    public sealed record Missing : Outcome;

    public async Task<Outcome> SetForUserAsync(JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId(), cancellationToken);
        return await SetAsync(body, key => user.OpenPgpPublicKey = key, fingerprint =>
            AccountEvents.About(user, KeySet, new JsonObject { ["fingerprint"] = fingerprint }), actor, cancellationToken);
    }

    public async Task<Outcome> ClearForUserAsync(ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId(), cancellationToken);
        if (user.OpenPgpPublicKey is not null)
        {
            user.OpenPgpPublicKey = null;
            await events.RecordAsync(AccountEvents.About(user, KeyCleared), actor, cancellationToken);
        }
        return new Done(null);
    }

    public async Task<Outcome> SetForContactAsync(string organisationId, JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        if (await FindOrganisationAsync(organisationId, actor, cancellationToken) is not { } organisation)
        {
            return new Missing();
        }
        return await SetAsync(body, key => organisation.OpenPgpPublicKey = key, fingerprint => AboutContact(organisation, KeySet, fingerprint), actor, cancellationToken);
    }

    public async Task<Outcome> ClearForContactAsync(string organisationId, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        if (await FindOrganisationAsync(organisationId, actor, cancellationToken) is not { } organisation)
        {
            return new Missing();
        }
        if (organisation.OpenPgpPublicKey is not null)
        {
            organisation.OpenPgpPublicKey = null;
            await events.RecordAsync(AboutContact(organisation, KeyCleared, null), actor, cancellationToken);
        }
        return new Done(null);
    }

    private async Task<Outcome> SetAsync(
        JsonElement body, Action<string> store, Func<string, EventRecorder.Event> recorded, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? armored = null;
        reader.Object(body, "", new Dictionary<string, Action<JsonElement, string>>
        {
            ["key"] = (v, p) => armored = reader.String(v, p, RecipientOpenPgpKey.MaxLength, multiline: true),
        }, "key");
        if (reader.Errors.Count > 0 || armored is null)
        {
            return new Invalid(reader.Errors);
        }
        var (key, error) = RecipientOpenPgpKey.Read(armored, clock.GetUtcNow());
        if (key is null)
        {
            return new Invalid([new FieldError("/key", error!)]);
        }
        store(armored);
        await events.RecordAsync(recorded(key.Fingerprint), actor, cancellationToken);
        return new Done(key.Fingerprint);
    }

    /// <summary>Who may change an organisation's own settings, as for its inventory: its reporters and the CERT's staff.</summary>
    private async Task<Data.Entities.Organisation?> FindOrganisationAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        await InventoryAccess.MayUseAsync(actor, id, db, cancellationToken)
            ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;

    private static EventRecorder.Event AboutContact(Data.Entities.Organisation organisation, string kind, string? fingerprint) =>
        new(kind, "organisation", organisation.Id, new JsonObject { ["contact_email"] = organisation.ContactEmail, ["fingerprint"] = fingerprint },
            organisation.Id, OrganisationMayRead: true);
}
