using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// Who a mail goes to, as far as Vigil knows them: whether the address belongs to the organisation the event
/// concerns (its point of contact or one of its enabled users; for a CERT user's own subscription, that user), and
/// the OpenPGP key registered for the address, if any. Only an insider's mail carries confidential words.
/// </summary>
public sealed record MailRecipient(bool Inside, string? ArmoredKey)
{
    public static async Task<MailRecipient> FindAsync(VigilDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var address = message.Destination.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == address && u.DisabledAt == null)
            .Select(u => new { u.Id, u.OrganisationId, u.OpenPgpPublicKey }).SingleOrDefaultAsync(cancellationToken);
        var contact = message.OrganisationId is null ? null : await db.Organisations.AsNoTracking()
            .Where(o => o.Id == message.OrganisationId).Select(o => new { o.ContactEmail, o.OpenPgpPublicKey }).SingleOrDefaultAsync(cancellationToken);
        var isContact = contact is not null && string.Equals(contact.ContactEmail.Trim(), address, StringComparison.OrdinalIgnoreCase);
        var inside = message.OrganisationId is null
            ? user is not null && user.Id == message.UserId
            : isContact || (user is not null && user.OrganisationId == message.OrganisationId);
        return new MailRecipient(inside, user?.OpenPgpPublicKey ?? (isContact ? contact!.OpenPgpPublicKey : null));
    }
}
