using System.Net.Http.Headers;
using Microsoft.Playwright;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>
/// A reporter in a real browser: signs in, goes to its inventory, uploads its SBOM, reads what affects it (in English
/// and, after switching, in Hindi with IST times); another organisation's reporter cannot see it.
/// </summary>
public sealed class ReporterPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reporter_uploads_an_SBOM_and_sees_the_2019_note_with_what_to_do_the_component_and_why_and_another_organisation_cannot()
    {
        var note = await PublishNoteAsync();
        var reporter = await Seed.UserAsync(fixture.Server.Services, Roles.Reporter);
        var sbom = Path.Combine(fixture.Server.DataDirectory, "field-phone.cdx.json");
        await File.WriteAllTextAsync(sbom, AffectedSamples.Sbom("1.5"));

        var page = await SignInAsync(reporter.Token);
        Assert.EndsWith($"/organisations/{reporter.OrganisationId}/inventory", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No inventory yet");
        await ScreenshotAsync(page, "inventory-empty");
        await page.SetInputFilesAsync("input[name=sbom]", sbom);
        await page.ClickAsync("button:has-text('Upload and replace')");

        var exposed = page.Locator("section.exposed", new PageLocatorOptions { HasText = note });
        await Assertions.Expect(exposed).ToHaveCountAsync(1);
        await Assertions.Expect(exposed.Locator(".countermeasures")).ToContainTextAsync("Upgrade WhatsApp to the latest version");
        var row = exposed.Locator("table.matches tbody tr", new LocatorLocatorOptions { HasText = "WhatsApp for Android" });
        await Assertions.Expect(row.Locator("th")).ToContainTextAsync("2.19.100");
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("name");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("version in range");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToContainTextAsync("version 2.19.100 lies in vers:semver/<2.19.134");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync("2.19.134");
        await Assertions.Expect(page.Locator("#inventory")).ToContainTextAsync("Camera");
        await ScreenshotAsync(page, "inventory-exposure");

        await page.SelectOptionAsync("#language-choice", "hi");
        await page.ClickAsync("form.language button");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        await Assertions.Expect(page.Locator("main h2").First).ToHaveTextAsync("अभी इसे क्या प्रभावित करता है");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("सीमा के भीतर संस्करण");
        await Assertions.Expect(page.Locator("main time").First).ToContainTextAsync("IST");
        await ScreenshotAsync(page, "inventory-exposure-hi");

        await exposed.Locator($"a:has-text('{note}')").ClickAsync();
        await page.WaitForURLAsync($"**/notes/{note}");

        var stranger = await Seed.UserAsync(fixture.Server.Services, Roles.Reporter);
        var other = await SignInAsync(stranger.Token);
        await Assertions.Expect(other.Locator("main")).ToContainTextAsync("No inventory yet");
        var response = await other.GotoAsync($"/organisations/{reporter.OrganisationId}/inventory");
        Assert.Equal(404, response!.Status);
        var content = await other.ContentAsync();
        Assert.DoesNotContain(note, content, StringComparison.Ordinal);
        Assert.DoesNotContain("WhatsApp for Android", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_SBOM_is_refused_on_the_page_naming_each_bad_field_and_signing_out_ends_the_session()
    {
        var reporter = await Seed.UserAsync(fixture.Server.Services, Roles.Reporter);
        var bad = Path.Combine(fixture.Server.DataDirectory, "bad.cdx.json");
        await File.WriteAllTextAsync(bad, """{"bomFormat": "CycloneDX", "specVersion": "1.3", "components": [{"version": "<script>alert(1)</script>"}]}""");

        var page = await SignInAsync(reporter.Token);
        await page.SetInputFilesAsync("input[name=sbom]", bad);
        await page.ClickAsync("button:has-text('Upload and replace')");

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("The upload was refused; the inventory is unchanged.");
        await Assertions.Expect(summary).ToContainTextAsync("/specVersion");
        await Assertions.Expect(summary).ToContainTextAsync("/components/0/name");
        await Assertions.Expect(page.Locator("#upload-errors")).ToContainTextAsync("/components/0/name");
        await Assertions.Expect(page.Locator("input[name=sbom]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No inventory yet");
        await ScreenshotAsync(page, "inventory-refused");

        await page.ClickAsync("header.site button:has-text('Sign out')");
        await page.WaitForURLAsync("**/sign-in**");
        await page.GotoAsync($"/organisations/{reporter.OrganisationId}/inventory");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(string token)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#token", token);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.GotoAsync("/inventory");
        await page.WaitForURLAsync("**/organisations/*/inventory");
        return page;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await Screenshot.SaveAsync(page, Path.Combine(directory, name + ".png"));
    }

    private async Task<string> PublishNoteAsync()
    {
        var analyst = await Seed.UserAsync(fixture.Server.Services, Roles.Analyst);
        using var client = new HttpClient { BaseAddress = fixture.Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", analyst.Token);
        var id = await client.CreateNoteAsync(NoteSamples.Cve20193568());
        await client.PublishNoteAsync(id);
        return id;
    }
}
