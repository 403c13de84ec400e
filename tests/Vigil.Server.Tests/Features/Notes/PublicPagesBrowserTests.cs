using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Features.ReporterPages;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>
/// The public in a real browser, without signing in: finds the 2019 note from the home page and by search, reads what
/// to do and the score explained, downloads its CSAF document, reads it in Hindi, and finds how to check a phone
/// with the published indicators. Each step saves a screenshot.
/// </summary>
public sealed class PublicPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "WhatsApp VoIP stack buffer overflow (CVE-2019-3568)";

    [Fact]
    public async Task The_public_finds_a_note_by_search_reads_it_downloads_its_CSAF_and_learns_how_to_check_a_phone()
    {
        var (note, collection) = await PublishAsync();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Vigil");
        await Assertions.Expect(page.Locator($"main a[href='/notes/{note}']")).ToHaveTextAsync(Title);
        await ScreenshotAsync(page, "public-home");

        await page.ClickAsync("main a[href='/notes']");
        await page.FillAsync("#q", "CVE-2019-3568");
        await page.SelectOptionAsync("#severity", "high");
        await page.ClickAsync("form.note-search button[type=submit]");
        await page.WaitForURLAsync("**/notes?q=CVE-2019-3568*");
        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("Notes found: 1");
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("CVE-2019-3568");
        await ScreenshotAsync(page, "public-notes-search");

        await page.FillAsync("#cve", "CVE-19");
        await page.ClickAsync("form.note-search button[type=submit]");
        await Assertions.Expect(page.Locator("#cve-error")).ToContainTextAsync("CVE-year-number");
        await Assertions.Expect(page.Locator(".error-summary a[href='#cve']")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "public-notes-search-error");

        await page.GotoAsync("/notes?q=CVE-2019-3568");
        await page.ClickAsync($"main a[href='/notes/{note}']");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(Title);
        var countermeasures = page.Locator("section.countermeasures");
        await Assertions.Expect(countermeasures).ToContainTextAsync("Upgrade WhatsApp to the latest version");
        Assert.True(await countermeasures.IsVisibleAsync());
        await Assertions.Expect(page.Locator("table.cvss-metrics tr", new PageLocatorOptions { HasText = "Attack Vector" })).ToContainTextAsync("Network");
        await ScreenshotAsync(page, "public-note");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("section[aria-labelledby=downloads] a:has-text('CSAF 2.0 document')"));
        var csaf = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal(Title, csaf["document"]!["title"]!.GetValue<string>());
        Assert.Equal("2.0", csaf["document"]!["csaf_version"]!.GetValue<string>());

        await page.SelectOptionAsync("#language-choice", "hi");
        await page.ClickAsync("form.language button[type=submit]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        await Assertions.Expect(page.Locator("#countermeasures")).ToHaveTextAsync("क्या करें");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(Title);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("IST");
        await ScreenshotAsync(page, "public-note-hi");

        await page.GotoAsync("/indicators");
        await page.ClickAsync($"main a[href='/indicators/{collection}']");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Pegasus (Amnesty)");
        await ScreenshotAsync(page, "public-indicators-hi");
        await page.ClickAsync("main section.countermeasures a[href='/check']");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("अपना फ़ोन या लॉग जाँचें");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"api/v1/indicator-collections/{collection}/stix");
        await ScreenshotAsync(page, "public-check-hi");
    }

    private async Task<(string Note, string Collection)> PublishAsync()
    {
        var analyst = await Seed.UserAsync(fixture.Server.Services, Roles.Analyst);
        using var client = new HttpClient { BaseAddress = fixture.Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", analyst.Token);
        var note = await client.CreateNoteAsync(NoteSamples.Cve20193568());
        await client.PublishNoteAsync(note);
        var collection = await client.CreateCollectionAsync("CLEAR", "Pegasus (Amnesty)");
        await client.AddPatternsAsync(collection, "[domain-name:value = 'weather4free.com']", "[process:name = 'bh']");
        return (note, collection);
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Screenshot.SaveAsync(page, path);
    }
}
