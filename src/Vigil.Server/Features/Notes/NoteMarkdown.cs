using Ganss.Xss;
using Markdig;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// Renders a note's Markdown for people: Markdig writes HTML with raw HTML in the source disabled, and the sanitiser
/// then keeps only safe elements and attributes, so a note can never carry script into a reader's browser. No style
/// attribute is kept either (a table's column alignment would write one): the pages' policy allows no inline style.
/// </summary>
public static class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().DisableHtml().Build();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return "";
        }
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }
}
