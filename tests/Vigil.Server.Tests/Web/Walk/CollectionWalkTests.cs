using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vigil.Server.Tests.Features.Indicators;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// An analyst curating indicators in a real browser against Vigil in its own process: signs in, opens a collection,
/// adds patterns with a typo and sees the error beside that pattern, corrects it, imports Amnesty's Pegasus STIX
/// bundle with a preview first and then the confirmation, reads the collection as published, and opens the followed
/// CSAF providers. Each step leaves a screenshot under the test output's screenshots/walk.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class CollectionWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    private const string Password = "indicators are shared with care 2024";

    [Fact]
    public async Task An_analyst_opens_a_collection_corrects_a_pattern_imports_a_bundle_after_its_preview_and_opens_the_providers()
    {
        var (_, email, _) = await walk.CreateUserAsync("analyst", Password);
        var page = await walk.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/incidents");

        // A new collection, from the Indicators link analysts have in the navigation.
        await page.ClickAsync("header nav a[href='/indicators']");
        await page.ClickAsync("main a[href='/indicators/new']");
        await page.WaitForURLAsync("**/indicators/new");
        await page.FillAsync("#name", "Pegasus (Amnesty Security Lab)");
        await page.SelectOptionAsync("#tlp", "CLEAR");
        await page.FillAsync("#description", "Domains, processes and addresses Amnesty's Security Lab tied to NSO Group's Pegasus.");
        await page.FillAsync("#malware", "Pegasus");
        await WalkFixture.ShotAsync(page, "collections-01-new");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/indicators/*/edit?done=created");
        var id = new Uri(page.Url).Segments[2].TrimEnd('/');
        await Assertions.Expect(page.Locator("main .meta .tlp")).ToHaveTextAsync("TLP:CLEAR");

        // Two patterns, the second without its closing bracket: nothing is added, and the error stands beside that pattern.
        await page.FillAsync("#patterns", "[domain-name:value = 'free247downloads.com']\n[domain-name:value = 'urlpush.net'");
        await page.ClickAsync("form:has(#patterns) button[type=submit]");
        await Assertions.Expect(page.Locator("#pattern-1")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#pattern-1-error")).ToContainTextAsync("is not a STIX pattern");
        await Assertions.Expect(page.Locator("#pattern-0")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await WalkFixture.ShotAsync(page, "collections-02-pattern-error");
        Assert.Empty((await walk.Analyst.GetFromJsonAsync<JsonNode>($"/api/v1/indicator-collections/{id}"))!["indicators"]!.AsArray());
        await page.FillAsync("#pattern-1", "[domain-name:value = 'urlpush.net']");
        await page.ClickAsync("form:has(#patterns) button[type=submit]");
        await page.WaitForURLAsync("**/edit?done=added*");
        await Assertions.Expect(page.Locator("main .notice[role=status]")).ToContainTextAsync("2 indicators added");

        // The Pegasus bundle: the preview first (nothing written), then the confirmation.
        await page.ClickAsync($"a[href='/indicators/{id}/import']");
        await page.SetInputFilesAsync("#bundle-file", CollectionApi.PegasusBundle);
        await page.ClickAsync("form:has(#bundle-file) button[type=submit]");
        await Assertions.Expect(page.Locator("#preview-heading")).ToHaveTextAsync("What the import will do");
        await Assertions.Expect(page.Locator("section.preview")).ToContainTextAsync("1,549 objects of type relationship");
        await Assertions.Expect(page.Locator("section.preview")).ToContainTextAsync("[domain-name:value='weather4free.com']");
        await WalkFixture.ShotAsync(page, "collections-03-import-preview");
        Assert.Equal(2, (await walk.Analyst.GetFromJsonAsync<JsonNode>($"/api/v1/indicator-collections/{id}"))!["indicators"]!.AsArray().Count);
        await page.ClickAsync("form:has(input[name=pending]) button[type=submit]");
        await page.WaitForURLAsync("**/edit?done=imported*");
        await Assertions.Expect(page.Locator("main .notice[role=status]")).ToContainTextAsync("1,549 indicators added");

        // The collection as its readers see it: public, every indicator with its label.
        await page.ClickAsync($"main a[href='/indicators/{id}']");
        await page.WaitForURLAsync($"**/indicators/{id}");
        await Assertions.Expect(page.Locator("main .meta")).ToContainTextAsync("1,551 indicators");
        await Assertions.Expect(page.Locator("table.indicators tbody tr").First.Locator(".tlp")).ToHaveTextAsync("TLP:CLEAR");
        await WalkFixture.ShotAsync(page, "collections-04-collection");
        var detail = (await walk.Analyst.GetFromJsonAsync<JsonNode>($"/api/v1/indicator-collections/{id}"))!;
        Assert.Equal(1_551, detail["indicators"]!.AsArray().Count);

        // The followed providers, from the staff's link in the navigation.
        await page.ClickAsync("header nav a[href='/providers']");
        await page.WaitForURLAsync("**/providers");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Followed CSAF providers");
        await Assertions.Expect(page.Locator("#url")).ToBeVisibleAsync();
        await WalkFixture.ShotAsync(page, "providers-01-list");
    }
}
