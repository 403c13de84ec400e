using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Vigil.Data;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>A mail ready to send: its subject, text part and HTML part, in the reader's language.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html);

/// <summary>
/// One template per event type (<see cref="NotificationEvents"/>), composed in the message's language (English
/// when Vigil does not speak the one asked for) and laid out twice: as text, and as HTML by <see cref="MailHtml"/>
/// through the framework's <see cref="HtmlRenderer"/>, which encodes everything it writes.
/// </summary>
public sealed class MailTemplates(IServiceProvider services, ILoggerFactory loggers, IStringLocalizer<MailText> t)
{
    public async Task<RenderedMail> RenderAsync(
        string eventType, string locale, MailPayload payload, string baseUrl, bool recipientInside, string? unsubscribeUrl, VigilDbContext db,
        CancellationToken cancellationToken)
    {
        var language = ReaderPreferences.IsSupported(locale) ? locale : "en";
        // Strings follow the current UI culture; an async method's change of it ends with the method.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var mail = new MailContext(payload, t, baseUrl, recipientInside);
        var document = await ComposeAsync(eventType, mail, db, cancellationToken);
        var eventName = t["Event_" + eventType.Replace('.', '_')];
        var footer = new MailFooter(t["Footer_Why", eventName], unsubscribeUrl is null ? null : new MailLink(t["Footer_Unsubscribe"], unsubscribeUrl));
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<MailHtml>(ParameterView.FromDictionary(
            new Dictionary<string, object?>
            {
                [nameof(MailHtml.Document)] = document,
                [nameof(MailHtml.Footer)] = footer,
                [nameof(MailHtml.Language)] = language,
            }))).ToHtmlString());
        return new RenderedMail(document.Subject, MailPlainText.Render(document, footer), html);
    }

    private static async Task<MailDocument> ComposeAsync(string eventType, MailContext mail, VigilDbContext db, CancellationToken cancellationToken) => eventType switch
    {
        NotificationEvents.DeadlineDueSoon => DeadlineMail.Compose(mail, overdue: false),
        NotificationEvents.DeadlineOverdue => DeadlineMail.Compose(mail, overdue: true),
        NotificationEvents.RequestOpened => RequestMail.Compose(mail),
        NotificationEvents.IncidentStatusChanged => StatusMail.Compose(mail),
        NotificationEvents.NotePublished => await NoteMail.ComposeAsync(mail, db, cancellationToken),
        NotificationEvents.CollectionPublished => CollectionMail.Compose(mail),
        DigestMail.EventType => await DigestMail.ComposeAsync(mail, (type, each) => ComposeAsync(type, each, db, cancellationToken)),
        _ => throw new MailPayloadException($"there is no mail template for the event type '{eventType}'"),
    };
}
