using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Json;
using Vigil.Domain.Record;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Events;

/// <summary>
/// Puts an event on the record: a row that is only ever inserted, and its salted commitment as a leaf of the
/// transparency log, in the same transaction as the change it records. Whatever the caller changed in the context
/// before is saved with it, so a change and its event are stored together or not at all. Runs in the caller's
/// transaction (the idempotency filter's, a submission's) or in one of its own, committed here.
/// </summary>
public sealed class EventRecorder(VigilDbContext db, LedgerWriter ledger, WriteTransactions writes, TimeProvider clock)
{
    /// <summary>One event: what happened to what, which organisation it concerns and may read it, and its details.</summary>
    public sealed record Event(string Kind, string ObjectKind, string ObjectId, JsonObject Details, string? OrganisationId = null, bool OrganisationMayRead = false);

    /// <summary>Records the event (and saves the context's other changes with it); <paramref name="actor"/> null for Vigil itself.</summary>
    public async Task<RecordEvent> RecordAsync(Event e, ClaimsPrincipal? actor, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await AppendAsync(e, actor, cancellationToken);
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var recorded = await AppendAsync(e, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    private async Task<RecordEvent> AppendAsync(Event e, ClaimsPrincipal? actor, CancellationToken cancellationToken)
    {
        if (!ledger.IsLocked)
        {
            await ledger.LockAsync(cancellationToken);
        }
        var signedIn = actor?.Identity?.IsAuthenticated == true;
        var now = SubmissionCommitment.RecordTime(clock.GetUtcNow());
        var content = CanonicalJson.Serialize(JsonSerializer.SerializeToElement(e.Details));
        var facts = new EventFacts(e.Kind, e.ObjectKind, e.ObjectId, signedIn ? actor!.UserId() : null, now);
        var salt = SaltedCommitment.NewSalt();
        var recorded = new RecordEvent
        {
            Kind = e.Kind,
            ActorId = facts.ActorId,
            ActorRole = signedIn ? actor!.Role() : null,
            ActorOrganisationId = signedIn ? actor!.OrganisationId() : null,
            ObjectKind = e.ObjectKind,
            ObjectId = e.ObjectId,
            OrganisationId = e.OrganisationId,
            OrganisationMayRead = e.OrganisationMayRead,
            ReceivedAt = now,
            Content = content,
            ContentSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))),
            Salt = salt,
            LeafIndex = ledger.Append(EventCommitment.Compute(facts, content, salt), "event:" + e.Kind),
        };
        db.RecordEvents.Add(recorded);
        await ledger.SaveChangesAsync(cancellationToken);
        return recorded;
    }
}
