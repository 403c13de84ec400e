using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Vigil.Data.Entities;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Features.Notifications.Mail.Templates;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// Writes one outbox message as a MIME message: From, To, a Message-ID made from the outbox id (the same on every
/// try, so a receiver drops a duplicate), Date, Subject, text and HTML parts (multipart/alternative), List-Id and,
/// for a subscription's mail, List-Unsubscribe with one-click (RFC 8058). Then, as configured and registered, signed
/// with the CERT's OpenPGP key and encrypted to the recipient's (PGP/MIME, RFC 3156).
/// </summary>
public sealed class MailComposer(IOptions<SmtpOptions> options, UnsubscribeLinks links, CsafOpenPgpKey certKey)
{
    public MimeMessage Compose(OutboxMessage outbox, RenderedMail mail, RecipientOpenPgpKey? recipientKey)
    {
        var smtp = options.Value;
        var domain = MailboxAddress.Parse(smtp.FromAddress).Domain;
        var message = new MimeMessage
        {
            MessageId = $"{outbox.Id:N}@{domain}",
            Date = outbox.CreatedAt,
            Subject = mail.Subject,
        };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        message.To.Add(MailboxAddress.Parse(outbox.Destination));
        message.Headers.Add("List-Id", $"Vigil {outbox.EventType} <{outbox.EventType.Replace('.', '-').Replace('_', '-')}.{domain}>");
        // A mail a program sent on its own: out-of-office replies and the like stay away (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add(HeaderId.ContentLanguage, outbox.Locale);
        if (outbox.SubscriptionId is { } subscription)
        {
            message.Headers.Add("List-Unsubscribe", $"<{links.For(subscription)}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new MultipartAlternative
        {
            new TextPart("plain") { Text = mail.Text },
            new TextPart("html") { Text = mail.Html },
        };
        message.Body = Protect(body, recipientKey, smtp.OpenPgpSign);
        return message;
    }

    private MimeEntity Protect(MimeEntity body, RecipientOpenPgpKey? recipientKey, bool sign)
    {
        if (!sign && recipientKey is null)
        {
            return body;
        }
        using var context = new CertOpenPgpContext(sign ? certKey.SecretKey : null);
        if (recipientKey is null)
        {
            return MultipartSigned.Create(context, certKey.SecretKey, DigestAlgorithm.Sha256, body);
        }
        return sign
            ? MultipartEncrypted.SignAndEncrypt(context, certKey.SecretKey, DigestAlgorithm.Sha256, [recipientKey.EncryptionKey], body)
            : MultipartEncrypted.Encrypt(context, [recipientKey.EncryptionKey], body);
    }
}
