using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.ReporterPages;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents;

/// <summary>
/// A reporter in a real browser on a real server: files an update on its incident's page, answers the request for
/// information an analyst opened through the API, then makes an API token on its account page and revokes it.
/// Each step leaves a screenshot under the test output.
/// </summary>
public sealed class IncidentPageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task A_reporter_files_an_update_answers_a_request_and_makes_and_revokes_a_token()
    {
        var reporter = await Seed.UserAsync(fixture.Server.Services, Roles.Reporter);
        var analyst = await Seed.UserAsync(fixture.Server.Services, Roles.Analyst);
        using var reporterApi = Client(reporter.Token);
        using var analystApi = Client(analyst.Token);
        var id = await reporterApi.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        var due = DateTimeOffset.UtcNow.AddHours(6).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var opened = await analystApi.PostJsonAsync($"/api/v1/incidents/{id}/requests",
            $$"""{"question": "Which handsets were targeted?", "wanted_fields": ["affected_systems"], "due_at": "{{due}}"}""");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var request = (await opened.JsonAsync())["request"]!["id"]!.GetValue<int>();

        var page = await SignInAsync(reporter.Token);
        await page.GotoAsync($"/incidents/{id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("VoIP stack exploited to install spyware");
        await Assertions.Expect(page.Locator($"#request-{request}")).ToContainTextAsync("Which handsets were targeted?");
        await ShotAsync(page, "incident-page");

        // An update without its narrative comes back with what was typed and the problem beside the box.
        await page.FillAsync("#update-symptoms", "Calls dropped, then the handset restarted.");
        await page.ClickAsync("button:has-text('File the update')");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#update-narrative")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#update-symptoms")).ToHaveValueAsync("Calls dropped, then the handset restarted.");
        await ShotAsync(page, "incident-update-refused");

        await page.FillAsync("#update-narrative", "Containment is done on every handset we know of.");
        await page.FillAsync("#update-occurred-at", "2026-11-29T08:30");
        await page.ClickAsync("button:has-text('File the update')");
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("submission 3");
        await Assertions.Expect(page.Locator("#submission-3")).ToContainTextAsync("Containment is done on every handset we know of.");
        await Assertions.Expect(page.Locator("#submission-3")).ToContainTextAsync("Calls dropped, then the handset restarted.");
        await ShotAsync(page, "incident-update-filed");

        var answer = page.Locator($"#request-{request}");
        await answer.Locator("textarea[name=narrative]").FillAsync("Android handsets on the 2.19 series.");
        await answer.Locator("textarea[name=more]").FillAsync(
            """{"affected_systems": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100"}]}""");
        await answer.Locator("button:has-text('Send the answer')").ClickAsync();
        await Assertions.Expect(page.Locator($"#request-{request}")).ToContainTextAsync("Answered by submission 4");
        await Assertions.Expect(page.Locator("#submission-4")).ToContainTextAsync("WhatsApp for Android");
        await ShotAsync(page, "incident-request-answered");
        var listed = (await analystApi.GetNodeAsync($"/api/v1/incidents/{id}/requests"))["requests"]![0]!;
        Assert.Equal("answered_on_time", listed["state"]!.GetValue<string>());

        await page.GotoAsync("/account");
        await page.FillAsync("#token-name", "SIEM export");
        await page.ClickAsync("button:has-text('Make the token')");
        var secret = await page.Locator("#new-token").InputValueAsync();
        Assert.False(string.IsNullOrEmpty(secret));
        await ShotAsync(page, "account-token-made");
        using (var made = Client(secret))
        {
            Assert.Equal(HttpStatusCode.OK, (await made.GetAsync("/api/v1/me/tokens")).StatusCode);
        }

        var row = page.Locator("table.tokens tr", new PageLocatorOptions { HasText = "SIEM export" });
        await row.Locator("button:has-text('Revoke')").ClickAsync();
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("The token is revoked");
        await Assertions.Expect(page.Locator("table.tokens tr", new PageLocatorOptions { HasText = "SIEM export" })).ToContainTextAsync("revoked");
        await Assertions.Expect(page.Locator("#new-token")).ToHaveCountAsync(0);
        await ShotAsync(page, "account-token-revoked");
        using var revoked = Client(secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/v1/me/tokens")).StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = fixture.Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<IPage> SignInAsync(string token)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#token", token);
        await page.PressAsync("#token", "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        return page;
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await Screenshot.SaveAsync(page, Path.Combine(Screenshots, name + ".png"));
    }
}
