using System.Net.Http.Headers;
using Microsoft.Playwright;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>A reporter in a real browser: signs in, uploads its SBOM, and reads what affects it; another organisation cannot.</summary>
public sealed class ReporterPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reporter_uploads_an_SBOM_and_sees_the_2019_note_with_the_component_and_why_and_another_organisation_cannot()
    {
        var note = await PublishNoteAsync();
        var reporter = await Seed.UserAsync(fixture.Server.Services, Roles.Reporter);
        var sbom = Path.Combine(fixture.Server.DataDirectory, "field-phone.cdx.json");
        await File.WriteAllTextAsync(sbom, AffectedSamples.Sbom("1.5"));

        var page = await SignInAsync(reporter.Token);
        Assert.EndsWith($"/organisations/{reporter.OrganisationId}/inventory", page.Url, StringComparison.Ordinal);
        Assert.Contains("No inventory yet", await page.ContentAsync(), StringComparison.Ordinal);
        await page.SetInputFilesAsync("input[name=sbom]", sbom);
        await page.ClickAsync("button:has-text('Upload and replace')");

        var exposed = page.Locator("section.exposed", new PageLocatorOptions { HasText = note });
        await Assertions.Expect(exposed).ToHaveCountAsync(1);
        var row = exposed.Locator("table.matches tr", new LocatorLocatorOptions { HasText = "WhatsApp for Android" });
        await Assertions.Expect(row).ToContainTextAsync("2.19.100");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("name");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("version-in-range");
        await Assertions.Expect(row).ToContainTextAsync("version 2.19.100 lies in vers:semver/<2.19.134");
        await Assertions.Expect(row).ToContainTextAsync("2.19.134");
        await Assertions.Expect(exposed).ToContainTextAsync("Upgrade WhatsApp to the latest version");
        await Assertions.Expect(page.Locator("#inventory")).ToContainTextAsync("Camera");

        await exposed.Locator($"a:has-text('{note}')").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("WhatsApp VoIP stack buffer overflow");

        var stranger = await Seed.UserAsync(fixture.Server.Services, Roles.Reporter);
        var other = await SignInAsync(stranger.Token);
        Assert.Contains("No inventory yet", await other.ContentAsync(), StringComparison.Ordinal);
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

        var errors = page.Locator(".errors");
        await Assertions.Expect(errors).ToContainTextAsync("/specVersion");
        await Assertions.Expect(errors).ToContainTextAsync("/components/0/name");
        Assert.Contains("No inventory yet", await page.ContentAsync(), StringComparison.Ordinal);

        await page.ClickAsync("button:has-text('Sign out')");
        Assert.EndsWith("/sign-in", page.Url, StringComparison.Ordinal);
        await page.GotoAsync($"/organisations/{reporter.OrganisationId}/inventory");
        Assert.EndsWith("/sign-in", page.Url, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(string token)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("input[name=token]", token);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync("**/organisations/*/inventory");
        return page;
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
