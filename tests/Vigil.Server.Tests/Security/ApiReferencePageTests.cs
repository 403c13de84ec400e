using Microsoft.Playwright;
using Vigil.Server.Tests.Features.ReporterPages;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Finding "headers", for /docs: the API reference works in a real browser under the pages' policy, the policy
/// is not broken by anything the page does, and the page asks nothing of any other site (no fonts, no telemetry).
/// </summary>
public sealed class ApiReferencePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_reference_renders_under_its_policy_and_calls_nowhere_else()
    {
        var page = await fixture.NewPageAsync();
        var origin = fixture.Server.Address.GetLeftPart(UriPartial.Authority);
        var elsewhere = new List<string>();
        var refused = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { refused.Add(message.Text); }
        };

        var response = await page.GotoAsync("/docs/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Incidents", Exact = true })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(refused.Count == 0, "refused by the policy:\n" + string.Join("\n", refused));
        Assert.True(elsewhere.Count == 0, "asked another site for:\n" + string.Join("\n", elsewhere));
        Assert.Contains("connect-src 'self'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
    }
}
