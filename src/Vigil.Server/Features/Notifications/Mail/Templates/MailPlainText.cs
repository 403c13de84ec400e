using System.Text;

namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>A notification mail's text part, laid out from the same <see cref="MailDocument"/> as the HTML part.</summary>
public static class MailPlainText
{
    public static string Render(MailDocument document, MailFooter footer)
    {
        var text = new StringBuilder();
        text.Append(document.Heading).Append('\n').Append('=', Math.Min(document.Heading.Length, 72)).Append("\n\n");
        foreach (var paragraph in document.Intro)
        {
            text.Append(paragraph).Append("\n\n");
        }
        foreach (var fact in document.Facts)
        {
            text.Append(fact.Label).Append(": ").Append(fact.Value).Append('\n');
        }
        foreach (var section in document.Sections)
        {
            text.Append('\n').Append(section.Heading).Append('\n').Append('-', Math.Min(section.Heading.Length, 72)).Append('\n');
            if (section.Markdown is not null)
            {
                // Markdown is written to be read as it is.
                text.Append(section.Markdown.Trim()).Append('\n');
            }
            foreach (var item in section.Items)
            {
                text.Append("* ").Append(item).Append('\n');
            }
        }
        text.Append('\n').Append(document.Action.Text).Append(": ").Append(document.Action.Url).Append("\n\n-- \n").Append(footer.Why).Append('\n');
        if (footer.Unsubscribe is { } unsubscribe)
        {
            text.Append(unsubscribe.Text).Append(": ").Append(unsubscribe.Url).Append('\n');
        }
        return text.ToString();
    }
}
