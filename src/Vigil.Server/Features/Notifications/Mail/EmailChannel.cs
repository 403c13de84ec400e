using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Features.Notifications.Mail.Templates;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// The "email" channel: renders the message's template in its language, writes the MIME message (signed and
/// encrypted as configured and registered) and hands it to the relay. Its own scope for the database, so the
/// dispatcher may hold it for as long as it likes.
/// </summary>
public sealed partial class EmailChannel(IServiceScopeFactory scopes, SmtpRelay relay, IOptions<CsafOptions> site, TimeProvider clock, ILogger<EmailChannel> logger)
    : INotificationChannel
{
    public string Name => NotificationChannels.Email;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var recipient = await MailRecipient.FindAsync(db, message, cancellationToken);
            RecipientOpenPgpKey? key = null;
            if (recipient.ArmoredKey is { } armored)
            {
                (key, var error) = RecipientOpenPgpKey.Read(armored, clock.GetUtcNow());
                if (key is null)
                {
                    // Never in clear to someone who asked for encryption: the recipient has to register a usable key.
                    return DeliveryOutcome.Failed("the recipient's registered OpenPGP key " + error, permanent: true);
                }
            }
            var links = scope.ServiceProvider.GetRequiredService<UnsubscribeLinks>();
            var mail = await scope.ServiceProvider.GetRequiredService<MailTemplates>().RenderAsync(
                message.EventType, message.Locale, MailPayload.Parse(message.Payload), site.Value.BaseUrl, recipient.Inside,
                message.SubscriptionId is { } subscription ? links.For(subscription) : null, db, cancellationToken);
            var mime = scope.ServiceProvider.GetRequiredService<MailComposer>().Compose(message, mail, key);
            await relay.SendAsync(mime, cancellationToken);
            LogSent(message.Id, message.EventType, key is not null);
            return DeliveryOutcome.Success;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.Classify(e) is { } outcome)
        {
            LogNotSent(message.Id, message.EventType, outcome.Permanent, outcome.Error!);
            return outcome;
        }
    }

    [LoggerMessage(EventId = 7610, Level = LogLevel.Information, Message = "Mail {MessageId} ({EventType}) handed to the relay; encrypted: {Encrypted}")]
    private partial void LogSent(Guid messageId, string eventType, bool encrypted);

    [LoggerMessage(EventId = 7611, Level = LogLevel.Warning, Message = "Mail {MessageId} ({EventType}) not sent (final: {Permanent}): {Error}")]
    private partial void LogNotSent(Guid messageId, string eventType, bool permanent, string error);
}
