using Vigil.Server.Features.Notifications.Mail.Templates;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// Outgoing e-mail: the "email" notification channel over SMTP (MailKit), its localised templates, OpenPGP signing
/// and encryption, the one-click unsubscribe link and page, and the API to register a recipient's OpenPGP key. The
/// channel is registered only when <c>Notifications:Smtp:Host</c> is set: until then e-mail messages wait in the
/// outbox. See docs/notifications-mail.md.
/// </summary>
public static class MailFeature
{
    public static IServiceCollection AddNotificationMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddHostedService<BuiltAtStart<UnsubscribeLinks>>();
        services.AddScoped<MailTemplates>();
        services.AddScoped<MailComposer>();
        services.AddSingleton<SmtpRelay>();
        services.AddScoped<SubscriptionUnsubscribe>();
        services.AddScoped<RecipientKeys>();
        if (!string.IsNullOrWhiteSpace(configuration[SmtpOptions.Section + ":" + nameof(SmtpOptions.Host)]))
        {
            services.AddSingleton<EmailChannel>();
            services.AddSingleton<INotificationChannel>(provider => provider.GetRequiredService<EmailChannel>());
        }
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationMail(this IEndpointRouteBuilder app)
    {
        UnsubscribeEndpoints.Map(app);
        RecipientKeyEndpoints.Map(app);
        return app;
    }
}
