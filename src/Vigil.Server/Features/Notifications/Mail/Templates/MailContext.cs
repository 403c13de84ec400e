using Microsoft.Extensions.Localization;

namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>
/// What a template composes from: the event's data, the strings in the reader's language, Vigil's public address for
/// links, and whether the recipient belongs to the organisation the event concerns (only then may a mail carry
/// confidential words such as an incident's title or a request's question).
/// </summary>
public sealed record MailContext(MailPayload Payload, IStringLocalizer<MailText> T, string BaseUrl, bool RecipientInside)
{
    public string Link(string path) => BaseUrl.TrimEnd('/') + path;

    /// <summary>A confidential field: shown to the organisation's own people, left out for anyone else.</summary>
    public string? Confidential(string name) => RecipientInside ? Payload.Text(name) : null;

    /// <summary>Facts whose value is missing are left out rather than shown empty.</summary>
    public static IReadOnlyList<MailFact> Facts(params (string Label, string? Value)[] facts) =>
        [.. facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new MailFact(f.Label, f.Value!))];
}
