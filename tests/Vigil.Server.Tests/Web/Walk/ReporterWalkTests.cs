using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// A reporter's day in a real browser against Vigil in its own process (issue 12's walk): sign in, file a report with
/// a field it does not know yet and watch the deadline move as detected_at changes (with script, and without), keep
/// the receipt and check it on the public log explorer, follow up, answer the CERT's request, and read it all in Hindi
/// with IST times. Each step leaves a screenshot under the test output's screenshots/walk.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class ReporterWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    /// <summary>The CERT-In initial report's due time in the preview, as an ISO instant in its datetime attribute.</summary>
    private const string Due = "#preview table[data-regime='in-cert-in-2022'] tr[data-stage='incident_report'] time";

    private const string Title = "Spyware delivered through the VoIP calling stack";

    private static readonly string Day = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_reporter_files_keeps_and_checks_its_receipt_follows_up_answers_the_CERT_and_reads_it_in_Hindi()
    {
        var page = await walk.NewPageAsync();
        await SignInAsync(page);
        await WalkFixture.ShotAsync(page, "02-incidents-empty");

        // A new report, the time it began not known yet: the preview follows detected_at (6 hours under CERT-In).
        await page.ClickAsync("a[href='/incidents/new']");
        await page.WaitForURLAsync("**/incidents/new");
        await FillAsync(page);
        await page.FillAsync("#f-detected_at", $"{Day}T09:00");
        await Assertions.Expect(page.Locator(Due)).ToHaveAttributeAsync("datetime", $"{Day}T09:30:00Z");
        await WalkFixture.ShotAsync(page, "03-new-report-preview");
        await page.FillAsync("#f-detected_at", $"{Day}T11:15");
        await Assertions.Expect(page.Locator(Due)).ToHaveAttributeAsync("datetime", $"{Day}T11:45:00Z");
        await WalkFixture.ShotAsync(page, "04-new-report-preview-moved");

        // Filed: the receipt page, and the receipt itself to keep.
        await page.ClickAsync("button[value='file']");
        await page.WaitForURLAsync("**/incidents/*/receipts/1");
        var incidentId = new Uri(page.Url).Segments[2].TrimEnd('/');
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your report is on the record");
        await WalkFixture.ShotAsync(page, "05-receipt");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[download]"));
        var receipt = await File.ReadAllTextAsync((await download.PathAsync())!);

        // Anyone can check it on the public log explorer, in a browser that was never signed in.
        var outsider = await walk.NewPageAsync();
        await outsider.GotoAsync("/log");
        await WalkFixture.ShotAsync(outsider, "06-log");
        await outsider.ClickAsync("a[href='/log/verify']");
        await outsider.WaitForURLAsync("**/log/verify");
        await outsider.FillAsync("#receipt", receipt);
        await outsider.ClickAsync("#verify-form button[type=submit]");
        await Assertions.Expect(outsider.Locator("#verdict-slot h2")).ToHaveTextAsync("The receipt holds");
        // Without the content it proves the leaf is in the log, and does not repeat what the receipt merely states.
        await Assertions.Expect(outsider.Locator("#verdict-slot")).ToContainTextAsync("is signed by the log and included in it");
        await Assertions.Expect(outsider.Locator("#verdict-slot")).Not.ToContainTextAsync(incidentId);
        await WalkFixture.ShotAsync(outsider, "07-log-verify");

        // A follow-up from the incident's page.
        await page.GotoAsync($"/incidents/{incidentId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Title);
        await page.FillAsync("#update-narrative", "Mitigation deployed at the relays; the fixed client is out.");
        await page.ClickAsync("button:has-text('File the update')");
        await Assertions.Expect(page.Locator("#submission-2")).ToContainTextAsync("Mitigation deployed at the relays");
        await WalkFixture.ShotAsync(page, "08-update-filed");

        // The CERT asks, by its API; the reporter answers on the page.
        var requestId = await OpenRequestAsync(incidentId);
        await page.GotoAsync($"/incidents/{incidentId}");
        var request = page.Locator($"#request-{requestId}");
        await Assertions.Expect(request).ToContainTextAsync("How many targeted users are in India?");
        await WalkFixture.ShotAsync(page, "09-request-open");
        await request.Locator("textarea[name=narrative]").FillAsync("121 users in India were targeted.");
        await request.Locator("button:has-text('Send the answer')").ClickAsync();
        await Assertions.Expect(page.Locator($"#request-{requestId}")).ToContainTextAsync("Answered by submission 4");
        await WalkFixture.ShotAsync(page, "10-request-answered");
        var listed = (await walk.Analyst.GetFromJsonAsync<JsonNode>($"/api/v1/incidents/{incidentId}/requests"))!["requests"]![0]!;
        Assert.Equal("answered_on_time", listed["state"]!.GetValue<string>());

        // In Hindi, remembered for the user: the same pages translated, times in IST with UTC beside them.
        await page.GotoAsync("/incidents");
        await page.SelectOptionAsync("#language-choice", "hi");
        await page.ClickAsync("form.language button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("घटनाएँ");
        var row = page.Locator("table.incidents tbody tr", new PageLocatorOptions { HasText = Title });
        await Assertions.Expect(row.Locator("time").First).ToContainTextAsync("IST");
        await WalkFixture.ShotAsync(page, "11-incidents-hi");
        await page.GotoAsync($"/incidents/{incidentId}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        await Assertions.Expect(page.Locator("main time").First).ToContainTextAsync("IST");
        await WalkFixture.ShotAsync(page, "12-incident-hi");
        var missing = await page.GotoAsync("/incidents-that-are-not-here");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("नहीं मिला");
        await WalkFixture.ShotAsync(page, "14-not-found-hi");
        var again = await walk.NewPageAsync();
        await SignInAsync(again);
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("घटनाएँ");
    }

    [Fact]
    public async Task Without_script_the_check_button_gives_the_same_preview()
    {
        var page = await walk.NewPageAsync(javaScript: false);
        await SignInAsync(page);
        await page.GotoAsync("/incidents/new");
        await FillAsync(page);

        await page.FillAsync("#f-detected_at", $"{Day}T09:00");
        await page.Locator("button[value='check']").First.ClickAsync();
        await Assertions.Expect(page.Locator(Due)).ToHaveAttributeAsync("datetime", $"{Day}T09:30:00Z");
        await page.FillAsync("#f-detected_at", $"{Day}T11:15");
        await page.Locator("button[value='check']").First.ClickAsync();

        await Assertions.Expect(page.Locator(Due)).ToHaveAttributeAsync("datetime", $"{Day}T11:45:00Z");
        await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync(Title);
        await Assertions.Expect(page.Locator("#f-occurred_at-declared_unknown")).ToBeCheckedAsync();
        await WalkFixture.ShotAsync(page, "13-new-report-check-no-script");
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/sign-in");
        await WalkFixture.ShotAsync(page, "01-sign-in");
        await page.FillAsync("#email", walk.ReporterEmail);
        await page.FillAsync("#password", WalkFixture.ReporterPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/incidents");
    }

    private static async Task FillAsync(IPage page)
    {
        await page.FillAsync("#f-title", Title);
        await page.SelectOptionAsync("#f-category", "malicious-code");
        await page.FillAsync("#f-description", "A buffer overflow in the VoIP stack (CVE-2019-3568) let crafted RTCP packets run code on targeted phones.");
        await page.SelectOptionAsync("#f-zone", "Asia/Kolkata");
        await page.CheckAsync("#f-regimes-in-cert-in-2022");
        await page.CheckAsync("#f-occurred_at-declared_unknown");
        await page.FillAsync("#f-occurred_at-unknown", "investigation ongoing");
    }

    private async Task<int> OpenRequestAsync(string incidentId)
    {
        var due = DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var opened = await walk.Analyst.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/requests", new JsonObject
        {
            ["question"] = "How many targeted users are in India?", ["wanted_fields"] = new JsonArray("affected_users.by_country"), ["due_at"] = due,
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<JsonNode>())!["request"]!["id"]!.GetValue<int>();
    }
}
