using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// An administrator's round in a real browser against Vigil in its own process (issue 13): sign in, look over the
/// installation, open the users, disable a reporter with a reason, and see that the reporter's next API request and its
/// open page session are refused at once; then the background jobs and the ledger. Each step leaves a screenshot.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class AdminWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    private const string AdminPassword = "an administrator's long passphrase";

    private const string ReporterPassword = "a reporter's long passphrase";

    [Fact]
    public async Task An_administrator_disables_a_reporter_whose_next_requests_are_then_refused()
    {
        var (reporterId, reporterEmail, reporterToken) = await walk.CreateUserAsync("reporter", ReporterPassword, walk.OrganisationId);
        var (_, adminEmail, _) = await walk.CreateUserAsync("admin", AdminPassword);
        using var reporterApi = new HttpClient { BaseAddress = walk.Server.Address };
        reporterApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporterToken);
        Assert.Equal(HttpStatusCode.OK, (await reporterApi.GetAsync("/api/v1/me/tokens")).StatusCode);
        var reporterPage = await walk.NewPageAsync();
        await SignInAsync(reporterPage, reporterEmail, ReporterPassword);
        await reporterPage.GotoAsync("/account");
        await Assertions.Expect(reporterPage.Locator("h1")).ToHaveTextAsync("Your account");

        var page = await walk.NewPageAsync();
        await SignInAsync(page, adminEmail, AdminPassword);
        await page.ClickAsync("header nav a[href='/admin']");
        await page.WaitForURLAsync("**/admin");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Administration");
        await Assertions.Expect(page.Locator("main a[href='/providers']")).ToBeVisibleAsync();
        await WalkFixture.ShotAsync(page, "admin-01-overview");

        await page.ClickAsync("main a[href='/admin/users']");
        await page.WaitForURLAsync("**/admin/users");
        var row = page.Locator($"#user-{reporterId}");
        await Assertions.Expect(row).ToContainTextAsync(reporterEmail);
        await Assertions.Expect(row).ToContainTextAsync("Enabled");
        await WalkFixture.ShotAsync(page, "admin-02-users");

        await row.Locator($"a[href='/admin/users/{reporterId}']").ClickAsync();
        await page.WaitForURLAsync($"**/admin/users/{reporterId}");
        await page.FillAsync("#disable-reason", "Left Example Messaging Ltd on 4 December.");
        await page.ClickAsync("button:has-text('Disable the user')");
        await Assertions.Expect(page.Locator("#user-state")).ToContainTextAsync("Disabled");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("The user is disabled");
        await WalkFixture.ShotAsync(page, "admin-03-user-disabled");

        // At once: the reporter's token and its open page session are refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await reporterApi.GetAsync("/api/v1/me/tokens")).StatusCode);
        await reporterPage.GotoAsync("/account");
        await reporterPage.WaitForURLAsync("**/sign-in");

        // The page shows where each job stands when it is served: a run under way says "running" until the page is
        // asked again, so it is asked again (a few times) until the signer's last run has ended.
        await page.GotoAsync("/admin/jobs");
        for (var tries = 0; tries < 30 && (await page.Locator("#job-checkpoint-signer").InnerTextAsync()).Contains("running", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(1000);
            await page.GotoAsync("/admin/jobs");
        }
        await Assertions.Expect(page.Locator("#job-checkpoint-signer")).ToContainTextAsync("succeeded");
        await WalkFixture.ShotAsync(page, "admin-04-jobs");

        await page.GotoAsync("/admin/ledger");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Transparency log");
        await Assertions.Expect(page.Locator("code.verifier-key").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("pre.checkpoint")).ToBeVisibleAsync();
        await WalkFixture.ShotAsync(page, "admin-05-ledger");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
