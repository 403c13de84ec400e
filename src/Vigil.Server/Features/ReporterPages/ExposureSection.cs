using System.Globalization;
using System.Text;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Affected;
using static Vigil.Server.Features.ReporterPages.PageHtml;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>The exposure on a page: each affecting document with a row per matched component, and what to do.</summary>
public static class ExposureSection
{
    public static void Append(StringBuilder html, AffectedResponse exposure)
    {
        html.Append("<h2>Exposure</h2>\n").Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">{exposure.ComponentsChecked} components checked against {exposure.DocumentsChecked} notes and advisories you may read: ")
            .Append(exposure.Documents.Count == 0 ? "none affects them.</p>\n" : $"{exposure.Documents.Count} affect them.</p>\n");
        foreach (var document in exposure.Documents)
        {
            html.Append("<section class=\"exposed\">\n<h3>").Append(Link(document)).Append(": ").Append(E(document.Title)).Append("</h3>\n")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{(document.Kind == PublishedNoteSource.Kind ? "Vigil note" : "Imported advisory")} · TLP:{E(document.Tlp)} · severity {E(document.Severity)}")
                .Append(document.CveIds.Count > 0 ? " · " + E(string.Join(", ", document.CveIds)) : "").Append("</p>\n")
                .Append("<table class=\"matches\"><tr><th>Component</th><th>Match</th><th>Evidence</th><th>Why</th><th>Fixed in</th></tr>\n");
            foreach (var match in document.Matches)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(match.Component.Name)} {E(match.Component.Version)}<br><code>{E(match.Component.Pointer)}</code></td><td>{E(MethodName(match.Method))}</td>")
                    .Append(CultureInfo.InvariantCulture,
                    $"<td>{E(match.Basis)}</td><td>{E(match.Reason)}</td><td>{E(string.Join(", ", match.FixedVersions))}</td></tr>\n");
            }
            html.Append("</table>\n<p><strong>What to do:</strong> ").Append(E(document.Remediation.Countermeasures)).Append("</p>\n");
            if (document.Remediation.Workarounds is { } workarounds)
            {
                html.Append("<p><strong>Workarounds:</strong> ").Append(E(workarounds)).Append("</p>\n");
            }
            html.Append("</section>\n");
        }
    }

    private static string MethodName(string method) => method switch
    {
        "purl" => "purl",
        "cpe" => "CPE",
        _ => "name",
    };

    /// <summary>A note links to its page; an advisory to its document when public (the API needs a token for the rest).</summary>
    private static string Link(AffectingDocumentResponse document) =>
        document.Kind == PublishedNoteSource.Kind
            ? $"<a href=\"/notes/{E(Uri.EscapeDataString(document.Id))}\">{E(document.Id)}</a>"
            : document.Tlp == TlpLabel.Clear ? $"<a href=\"{E(document.Link)}/document\">{E(document.Id)}</a>" : E(document.Id);
}
