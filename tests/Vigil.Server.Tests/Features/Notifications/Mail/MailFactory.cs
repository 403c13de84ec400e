using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>The server with its e-mail channel pointed at a test SMTP server; settings as the operator would give them.</summary>
public sealed class MailFactory(SmtpServerProcess smtp, IReadOnlyDictionary<string, string>? settings = null) : VigilFactory
{
    public const string From = "notifications@cert.example.org";
    public const string BaseUrl = "https://cert.example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Csaf:BaseUrl", BaseUrl);
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:Security", "None");
        builder.UseSetting("Notifications:Smtp:FromAddress", From);
        builder.UseSetting("Notifications:Smtp:Timeout", "00:00:20");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The e-mail channel as the dispatcher finds it: among the registered channels, by name.</summary>
    public INotificationChannel EmailChannel() =>
        Services.GetServices<INotificationChannel>().Single(c => c.Name == NotificationChannels.Email);

    /// <summary>An outbox message as a producer would add it (not stored: the channel is handed it, as the dispatcher would).</summary>
    public OutboxMessage Message(string eventType, string destination, string payload, string locale = "en", string? organisationId = null,
        string? userId = null, long? subscriptionId = null) => new()
        {
            Id = Guid.CreateVersion7(Clock.GetUtcNow()),
            EventType = eventType,
            EventId = eventType + ":" + Guid.NewGuid().ToString("N"),
            Channel = NotificationChannels.Email,
            Destination = destination,
            OrganisationId = organisationId,
            UserId = userId,
            SubscriptionId = subscriptionId,
            Locale = locale,
            Payload = payload,
            OccurredAt = Clock.GetUtcNow(),
            CreatedAt = Clock.GetUtcNow(),
        };

    /// <summary>An organisation (with its point of contact's address) and a subscription of it to one event by e-mail.</summary>
    public async Task<(string OrganisationId, long SubscriptionId)> OrganisationSubscribedAsync(string contactEmail, string eventType)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var organisation = new Organisation
        {
            Id = Guid.NewGuid().ToString(), Name = "Org " + Guid.NewGuid().ToString("N"), Sector = "telecom", Country = "IN",
            ContactName = "Contact", ContactEmail = contactEmail, CreatedAt = Clock.GetUtcNow(),
        };
        db.Organisations.Add(organisation);
        var subscription = new Subscription
        {
            OrganisationId = organisation.Id, EventType = eventType, Channel = NotificationChannels.Email, CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(),
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return (organisation.Id, subscription.Id);
    }
}
