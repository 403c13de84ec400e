using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// Oversight in a real browser (issue 13): an oversight reader signs in and sees Example Messaging Ltd's on-time rate
/// and its bar on the chart; the organisation files a report hours after its CERT-In deadline, and on reload the rate
/// and the bar have fallen; the organisation's page and the late incident's timeline show how each deadline went.
/// Each step leaves a screenshot under the test output's screenshots/walk.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class OversightWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    private const string CertIn = "in-cert-in-2022";

    [Fact]
    public async Task Oversight_sees_an_organisations_on_time_rate_and_its_chart_fall_after_a_late_report()
    {
        const string Password = "oversight reads the figures 2026";
        var (_, email, _) = await walk.CreateUserAsync("oversight", Password);
        var (_, _, token) = await walk.CreateUserAsync("reporter", "the desk files on time 2026", walk.OrganisationId);
        using var reporter = walk.Server.Client(token);
        // Noticed an hour ago and filed now: within CERT-In's 6 hours.
        await FileAsync(reporter, DateTimeOffset.UtcNow.AddHours(-1));

        var page = await walk.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/incidents");
        await page.ClickAsync("header nav a[href='/oversight']");
        await page.WaitForURLAsync("**/oversight");
        await page.SelectOptionAsync("#regime", CertIn);
        await page.ClickAsync("form.oversight-filters button[type=submit]");
        await page.WaitForURLAsync($"**/oversight?*regime={CertIn}*");

        var bar = page.Locator($"#chart-on-time g.bar[data-key='{walk.OrganisationId}']");
        var rate = page.Locator($"#organisations-table tr[data-organisation='{walk.OrganisationId}'][data-regime='{CertIn}'] td").Nth(4);
        await Assertions.Expect(page.Locator("#chart-on-time")).ToHaveAttributeAsync("aria-label", "On-time rate by organisation");
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-value", "100");
        await Assertions.Expect(bar.Locator("text.value")).ToHaveTextAsync("100.0%");
        await Assertions.Expect(rate).ToHaveTextAsync("100.0");
        var fullWidth = double.Parse((await bar.Locator("rect").GetAttributeAsync("width"))!, CultureInfo.InvariantCulture);
        await WalkFixture.ShotAsync(page, "oversight-01-dashboard");

        // Noticed two days ago and reported only now: CERT-In's 6 hours were missed by about 42.
        var late = await FileAsync(reporter, DateTimeOffset.UtcNow.AddDays(-2));
        await page.ReloadAsync();
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-value", "50");
        await Assertions.Expect(bar.Locator("text.value")).ToHaveTextAsync("50.0%");
        await Assertions.Expect(rate).ToHaveTextAsync("50.0");
        var halfWidth = double.Parse((await bar.Locator("rect").GetAttributeAsync("width"))!, CultureInfo.InvariantCulture);
        Assert.Equal(fullWidth / 2, halfWidth, 1);
        await Assertions.Expect(page.Locator("#chart-delays g.bar[data-key='late-3d']")).ToHaveAttributeAsync("data-value", "1");
        await WalkFixture.ShotAsync(page, "oversight-02-after-late-report");

        // Drill down: the organisation, then the late incident's timeline and deadlines (envelope only).
        await page.ClickAsync($"#organisations-table tr[data-organisation='{walk.OrganisationId}'][data-regime='{CertIn}'] th a");
        await page.WaitForURLAsync($"**/oversight/organisations/{walk.OrganisationId}*");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Example Messaging Ltd");
        var lateRow = page.Locator($"#organisation-incidents tr[data-incident='{late}']");
        await Assertions.Expect(lateRow.Locator("td").Nth(4)).ToHaveTextAsync("1");
        await Assertions.Expect(lateRow).ToContainTextAsync("late by");
        await WalkFixture.ShotAsync(page, "oversight-03-organisation");

        await lateRow.Locator("th a").ClickAsync();
        await page.WaitForURLAsync($"**/oversight/incidents/{late}");
        await Assertions.Expect(page.Locator($"table[data-regime='{CertIn}'] tr[data-stage='incident_report']")).ToHaveAttributeAsync("data-state", "met_late");
        await Assertions.Expect(page.Locator("#submission-1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Spyware found on handsets");
        await WalkFixture.ShotAsync(page, "oversight-04-incident-timeline");
    }

    private static async Task<string> FileAsync(HttpClient reporter, DateTimeOffset detectedAt)
    {
        var report = await WalkFixture.CreatedAsync(reporter, "/api/v1/incidents", new JsonObject
        {
            ["title"] = "Spyware found on handsets",
            ["category"] = "malicious-code",
            ["description"] = "Spyware found on handsets of the support desk.",
            ["detected_at"] = detectedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["regimes"] = new JsonArray(CertIn),
        });
        return report["incident"]!["id"]!.GetValue<string>();
    }
}
