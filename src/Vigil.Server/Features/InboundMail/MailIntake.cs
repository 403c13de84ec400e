using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MimeKit;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Record;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// Takes one arrived message: its raw bytes sealed into the attachment store, its row (a draft for a matched sender,
/// quarantine otherwise) and the arrival event committing to the bytes' SHA-256 on the transparency log, in one
/// transaction. Returns only once that is durable: the listener acknowledges the message after this, never before.
/// </summary>
public sealed class MailIntake(VigilDbContext db, AttachmentBlobs blobs, EventRecorder events, WriteTransactions writes, InboundMailKey key, TimeProvider clock)
{
    public async Task<InboundMessage> TakeAsync(byte[] raw, string transport, string envelopeFrom, IReadOnlyList<string> envelopeTo, CancellationToken cancellationToken)
    {
        var receivedAt = SubmissionCommitment.RecordTime(clock.GetUtcNow());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(raw));
        var message = Parse(raw);
        var content = MailContent.Of(message, key);
        var headerFrom = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var match = await SenderMatch.FindAsync(db, headerFrom, envelopeFrom, cancellationToken);
        var replies = match is null ? null : await RepliedIncident.FindAsync(db, message, match.OrganisationId, cancellationToken);
        var row = new InboundMessage
        {
            Id = Guid.CreateVersion7(receivedAt).ToString(),
            ReceivedAt = receivedAt,
            Transport = transport,
            EnvelopeFrom = Cut(envelopeFrom, 320),
            EnvelopeTo = string.Join(", ", envelopeTo),
            HeaderFrom = Cut(headerFrom, 320),
            Subject = Cut(message.Subject ?? "", 1000),
            MessageId = message.MessageId is { } id ? Cut(RepliedIncident.Bracketed(id), 1000) : null,
            InReplyTo = message.InReplyTo is { } reply ? Cut(RepliedIncident.Bracketed(reply), 1000) : null,
            References = message.References.Count > 0 ? string.Join(" ", message.References.Select(RepliedIncident.Bracketed)) : null,
            RawSha256 = sha256,
            RawSize = raw.Length,
            BodyText = content.Text,
            Encrypted = content.Encrypted,
            Decrypted = content.Decrypted,
            SignatureStatus = content.SignatureStatus,
            State = match is null ? InboundStates.Quarantine : InboundStates.Draft,
            OrganisationId = match?.OrganisationId,
            UserId = match?.UserId,
            MatchedBy = match?.MatchedBy,
            RepliesToIncidentId = replies,
        };
        await blobs.StoreAsync(sha256, raw, async () =>
        {
            await using var transaction = await writes.BeginAsync(db, cancellationToken);
            db.InboundMessages.Add(row);
            // The arrival and the exact bytes, provable later: the event's committed details carry the hash and size.
            var recorded = await events.RecordAsync(new EventRecorder.Event(InboundStates.ReceivedEvent, InboundStates.ObjectKind, row.Id, new JsonObject
            {
                ["sha256"] = sha256,
                ["size"] = raw.Length,
                ["transport"] = transport,
                ["received_at"] = SubmissionCommitment.FormatTime(receivedAt),
                ["encrypted"] = content.Encrypted,
                ["state"] = row.State,
            }, row.OrganisationId), null, cancellationToken);
            row.ArrivalLeafIndex = recorded.LeafIndex;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return row;
    }

    /// <summary>MimeKit reads whatever arrives; a message it cannot read at all is kept as one with no headers or text.</summary>
    private static MimeMessage Parse(byte[] raw)
    {
        try
        {
            return MimeMessage.Load(new MemoryStream(raw));
        }
        catch (FormatException)
        {
            return new MimeMessage();
        }
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
