using System.Net;
using System.Text.RegularExpressions;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ApiReference;

/// <summary>
/// Issue 14, first use: the API reference loaded a 4.9 MB script and called an outside font host although nothing may
/// leave the server. Each reference page, with everything it loads, stays under 1 MB, all of it from this server.
/// </summary>
public sealed partial class ApiReferencePagesTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private const int Budget = 1024 * 1024;

    [Fact]
    public async Task Every_reference_page_with_what_it_loads_is_under_1_MB_and_from_this_server_alone()
    {
        var client = factory.CreateClient();
        var index = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        var html = await index.Content.ReadAsStringAsync();
        var tagPages = TagLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        foreach (var page in (string[])["/docs", .. tagPages])
        {
            var (weight, elsewhere) = await WeighAsync(client, page);
            Assert.True(weight < Budget, $"{page} weighs {weight} bytes with what it loads");
            Assert.True(elsewhere.Count == 0, $"{page} refers to other hosts: {string.Join(", ", elsewhere)}");
        }
        Assert.Contains("/docs/incidents", tagPages);
    }

    [Fact]
    public async Task A_tag_page_shows_each_operation_its_parameters_body_answers_and_schemas()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/docs/incidents");
        Assert.Contains("<code>POST /api/v1/incidents</code>", html, StringComparison.Ordinal);
        Assert.Contains("File a new incident report", html, StringComparison.Ordinal);
        Assert.Contains("id=\"schema-IncidentReportDocument\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>detected_at</code>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/docs/no-such-topic")).StatusCode);
    }

    /// <summary>The page's bytes and those of every script, stylesheet, image and font it names, and any absolute URL to another host.</summary>
    private static async Task<(long Weight, List<string> Elsewhere)> WeighAsync(HttpClient client, string page)
    {
        using var answer = await client.GetAsync(page);
        var html = await answer.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        // Relative to where the page was answered from, after any redirect (/docs to /docs/, say).
        var from = answer.RequestMessage!.RequestUri!;
        long weight = System.Text.Encoding.UTF8.GetByteCount(html);
        var elsewhere = AbsoluteUrl().Matches(html).Select(m => m.Groups[1].Value).ToList();
        foreach (var asset in Loaded().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
        {
            if (asset.StartsWith("//", StringComparison.Ordinal) || asset.Contains("://", StringComparison.Ordinal))
            {
                elsewhere.Add(asset);
                continue;
            }
            var body = await client.GetByteArrayAsync(new Uri(from, asset));
            weight += body.Length;
            if (asset.EndsWith(".css", StringComparison.Ordinal))
            {
                elsewhere.AddRange(CssUrl().Matches(System.Text.Encoding.UTF8.GetString(body)).Select(m => m.Groups[1].Value)
                    .Where(u => u.StartsWith("//", StringComparison.Ordinal) || u.Contains("://", StringComparison.Ordinal)));
            }
        }
        return (weight, elsewhere);
    }

    [GeneratedRegex("href=\"(/docs/[a-z-]+)\"")]
    private static partial Regex TagLink();

    [GeneratedRegex("<(?:script|img|link)\\b[^>]*?(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Loaded();

    [GeneratedRegex("(?:src|href|action)=\"((?:https?:)?//(?!localhost)[^\"]+)\"")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex("url\\(['\"]?([^'\")]+)")]
    private static partial Regex CssUrl();
}
