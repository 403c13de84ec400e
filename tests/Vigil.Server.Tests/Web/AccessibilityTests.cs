using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// axe-core (from npm, injected into each page by the test; Vigil never serves it) finds no serious or critical
/// violation of WCAG 2.2 A/AA on any page, in English or Hindi, read by the public or signed in by the reader each page is for.
/// </summary>
public sealed class AccessibilityTests(PageBrowserFixture fixture) : IClassFixture<PageBrowserFixture>
{
    private static readonly string Axe = RepositoryPaths.File("tests", "Vigil.Server.Tests", "Axe", "node_modules", "axe-core", "axe.min.js");

    [Fact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation_in_either_language()
    {
        var browsing = new PageBrowsing(fixture.World);
        var visits = PageCatalog.Visits(fixture.World);
        var violations = new List<string>();
        var visited = 0;
        foreach (var language in new[] { "en", "hi" })
        {
            foreach (var reader in visits.Select(v => v.Reader).Distinct())
            {
                // A context of its own per reader and language; the test injects axe, so the page's own CSP is bypassed.
                await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = fixture.Server.Address.ToString().TrimEnd('/'),
                    BypassCSP = true,
                });
                await context.AddCookiesAsync([.. Cookies(language, reader is null ? null : await browsing.SessionAsync(reader))]);
                var page = await context.NewPageAsync();
                foreach (var visit in visits.Where(v => v.Reader == reader))
                {
                    var response = await page.GotoAsync(visit.Path);
                    if (response is null || response.Status != 200)
                    {
                        continue;
                    }
                    visited++;
                    await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Axe });
                    var result = await page.EvaluateAsync<JsonElement>(
                        "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')");
                    violations.AddRange(result.EnumerateArray().Select(v => $"{visit} [{language}]: {v.GetString()}"));
                }
            }
        }
        Assert.True(visited >= 4, $"only {visited} pages were checked");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private IEnumerable<Cookie> Cookies(string language, string? session)
    {
        var host = fixture.Server.Address.Host;
        yield return new Cookie { Name = "vigil_language", Value = $"c%3D{language}%7Cuic%3D{language}", Domain = host, Path = "/" };
        if (session is not null)
        {
            yield return new Cookie { Name = "vigil_session", Value = session, Domain = host, Path = "/" };
        }
    }
}
