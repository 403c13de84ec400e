using System.Globalization;
using System.Text;
using Vigil.Data.Entities;
using Vigil.Domain.Cvss;
using Vigil.Domain.Notes;
using static System.Net.WebUtility;

namespace Vigil.Server.Features.Notes;

/// <summary>One note as a page for people: a withdrawal first if there is one, then what to do, then the detail and the history.</summary>
public static class NotePage
{
    public static string Render(Note note, NoteContent content, IReadOnlyList<RevisionsForReader.Entry> revisions, string? csafUrl)
    {
        var html = new StringBuilder();
        html.Append(NotesHtml.Head($"{note.Id}: {content.Title}"));
        html.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlEncode(note.Id)}: {HtmlEncode(content.Title)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">TLP:{HtmlEncode(note.Tlp)} · severity {HtmlEncode(content.Severity)} · version {HtmlEncode(note.Version ?? "draft")} · {HtmlEncode(note.Status)}</p>\n");
        if (note.Status == NoteWorkflow.Withdrawn)
        {
            var reason = revisions.LastOrDefault(r => r.Revision?.Kind == NoteWorkflow.Withdrawal)?.Revision!.Summary ?? "Withdrawn.";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"withdrawn\"><strong>Withdrawn.</strong> {HtmlEncode(reason)}</div>\n");
        }
        html.Append(NoteMarkdown.ToSafeHtml(content.Summary));
        html.Append("<section class=\"countermeasures\"><h2>Countermeasures</h2>\n").Append(NoteMarkdown.ToSafeHtml(content.Countermeasures)).Append("</section>\n");
        Section(html, "Workarounds", content.Workarounds);
        html.Append("<h2>Affected products</h2>\n<table><tr><th>Vendor</th><th>Product</th><th>Affected</th><th>Fixed in</th></tr>\n");
        foreach (var p in content.Products)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{HtmlEncode(p.Vendor)}</td><td>{HtmlEncode(p.FullName)}</td><td>{HtmlEncode(string.Join(", ", p.Affected))}</td><td>{HtmlEncode(string.Join(", ", p.Fixed))}</td></tr>\n");
        }
        html.Append("</table>\n");
        if (content.CveIds.Count > 0 || content.Cvss.Count > 0 || content.Cwes.Count > 0)
        {
            html.Append("<h2>Identifiers and scores</h2>\n<ul>\n");
            foreach (var item in content.CveIds.Concat(content.Cwes.Select(c => $"{c.Id} {c.Name}"))
                .Concat(content.Cvss.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Vector}: {c.Score:0.0} {c.Severity.ToCsafName()}"))))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlEncode(item)}</li>\n");
            }
            html.Append("</ul>\n");
        }
        Section(html, "Description", content.Description);
        Section(html, "Impact", content.Impact);
        if (content.References.Count > 0)
        {
            html.Append("<h2>References</h2>\n<ul>\n");
            foreach (var r in content.References)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{HtmlEncode(r.Url)}\" rel=\"noopener noreferrer\">{HtmlEncode(r.Summary)}</a></li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("<h2>History</h2>\n<table><tr><th>Version</th><th>Date (UTC)</th><th>What changed</th><th>Log entry</th></tr>\n");
        foreach (var r in revisions)
        {
            // A revision withheld from this reader keeps its row, so the history has no gap, and shows nothing it said.
            var (summary, leaf) = r.Revision is { } shown
                ? (HtmlEncode(shown.Summary), $"<a href=\"/ledger/entries/{shown.LeafIndex}\">leaf {shown.LeafIndex}</a>")
                : ($"<em>Withheld (TLP:{HtmlEncode(r.Tlp)})</em>", "");
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{HtmlEncode(r.Version)}</td><td>{r.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm}</td><td>{summary}</td><td>{leaf}</td></tr>\n");
        }
        html.Append("</table>\n");
        if (csafUrl is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{HtmlEncode(csafUrl)}\">CSAF 2.0 document</a> · <a href=\"/api/v1/notes/{HtmlEncode(note.Id)}\">JSON</a></p>\n");
        }
        return html.Append(NotesHtml.Foot).ToString();
    }

    private static void Section(StringBuilder html, string title, string? markdown)
    {
        if (markdown is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{title}</h2>\n").Append(NoteMarkdown.ToSafeHtml(markdown));
        }
    }
}
