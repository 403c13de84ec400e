using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// The public's walk against Vigil in its own process (issue 12): finds the CERT's note by searching, reads it with
/// its countermeasures first, and downloads its CSAF document, which is the provider's own. Screenshots per step.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class PublicWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    [Fact]
    public async Task The_public_finds_the_note_by_searching_reads_it_and_downloads_its_CSAF()
    {
        var page = await walk.NewPageAsync();

        await page.GotoAsync("/");
        await WalkFixture.ShotAsync(page, "20-home");
        await page.GotoAsync("/notes");
        await page.FillAsync("#q", "VoIP");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/notes?*q=VoIP*");
        await WalkFixture.ShotAsync(page, "21-notes-search");
        await page.Locator($"main a[href='/notes/{walk.NoteId}']").First.ClickAsync();
        await page.WaitForURLAsync($"**/notes/{walk.NoteId}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("CVE-2019-3568");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Upgrade WhatsApp to the latest version");
        await WalkFixture.ShotAsync(page, "22-note");

        // An address with no page: the site's own page says so, in its layout.
        var missing = await page.GotoAsync("/notes-that-are-not-here");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        await WalkFixture.ShotAsync(page, "23-not-found");
        await page.GoBackAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href*='/.well-known/csaf/']").First.ClickAsync());

        var csaf = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal("2.0", csaf["document"]!["csaf_version"]!.GetValue<string>());
        Assert.Equal(walk.NoteId, csaf["document"]!["tracking"]!["id"]!.GetValue<string>());
        Assert.Equal("CVE-2019-3568", csaf["vulnerabilities"]![0]!["cve"]!.GetValue<string>());
    }
}
