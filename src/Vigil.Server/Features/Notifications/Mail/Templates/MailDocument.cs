namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>
/// One mail as its template composed it, in the reader's language: the HTML part (<see cref="MailHtml"/>) and the
/// text part (<see cref="MailPlainText"/>) are both laid out from it, so they always say the same.
/// </summary>
public sealed record MailDocument(
    string Subject, string Heading, IReadOnlyList<string> Intro, IReadOnlyList<MailFact> Facts, IReadOnlyList<MailSection> Sections, MailLink Action);

/// <summary>A labelled value (the incident, the stage, the due time).</summary>
public sealed record MailFact(string Label, string Value);

/// <summary>A part with a heading: Markdown text (a note's countermeasures), a list, or both.</summary>
public sealed record MailSection(string Heading, string? Markdown, IReadOnlyList<string> Items);

public sealed record MailLink(string Text, string Url);

/// <summary>What every mail ends with: why the reader gets it, and how to stop it.</summary>
public sealed record MailFooter(string Why, MailLink? Unsubscribe);

/// <summary>The event's data lacks what its template needs: the message cannot be written, however often it is tried.</summary>
public sealed class MailPayloadException(string message) : Exception(message);
