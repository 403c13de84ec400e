using Vigil.Server.Infrastructure.Http;
using static System.Net.WebUtility;

namespace Vigil.Server.Features.Notes;

/// <summary>The frame of Vigil's pages for people: plain HTML, one small stylesheet, no script.</summary>
public static class NotesHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
        .countermeasures{border-left:.4rem solid #1a7f37;padding-left:1rem}.withdrawn{background:#fde2e1;padding:.5rem 1rem}
        .meta{color:#555}
        """;

    /// <summary>No script at all; the one stylesheet by its hash; links only.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {SecurityHeaders.HashSource(Style)}; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static string Head(string title) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{HtmlEncode(title)}}</title>
        <link rel="alternate" type="application/atom+xml" title="Vulnerability notes" href="/notes/feed.atom">
        <style>{{Style}}</style></head><body>

        """;

    public const string Foot = "</body></html>\n";
}
