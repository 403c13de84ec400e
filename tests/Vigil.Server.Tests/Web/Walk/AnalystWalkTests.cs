using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// An analyst's triage in a real browser against Vigil in its own process (issue 13's walk): a reporter files a new
/// report, the analyst finds it in the inbox, assigns it to themself and asks for information by a due time; the
/// reporter answers on its incident page; the analyst sees the answer and adds the incident's indicators to a
/// collection, then sees them on the collection's page. Each step leaves a screenshot (triage-NN-step).
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class AnalystWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    private const string Password = "a long and careful passphrase 13";

    private const string Title = "Pegasus-like implant found on a director's phone";

    [Fact]
    public async Task An_analyst_triages_a_new_report_asks_for_information_and_shares_its_indicators()
    {
        // A reporter of the organisation files a new report through the API, with indicators and under CERT-In.
        var reporter = await walk.CreateUserAsync("reporter", Password, walk.OrganisationId);
        using var reporterApi = walk.Server.Client(reporter.Token);
        var filed = await WalkFixture.CreatedAsync(reporterApi, "/api/v1/incidents", Report());
        var incidentId = filed["incident"]!["id"]!.GetValue<string>();
        var collection = await WalkFixture.CreatedAsync(walk.Analyst, "/api/v1/indicator-collections",
            new JsonObject { ["name"] = "Mercenary spyware on phones", ["tlp"] = "AMBER" });
        var collectionId = collection["id"]!.GetValue<string>();

        // The analyst signs in to the pages and finds the report in the inbox, the one with a deadline first.
        var analyst = await walk.CreateUserAsync("analyst", Password);
        var page = await walk.NewPageAsync();
        await SignInAsync(page, analyst.Email);
        await page.ClickAsync("header nav a[href='/triage']");
        await page.WaitForURLAsync("**/triage");
        var row = page.Locator("table.triage tbody tr", new PageLocatorOptions { HasText = Title });
        await Assertions.Expect(row).ToContainTextAsync("Example Messaging Ltd");
        await Assertions.Expect(row).ToContainTextAsync("TLP:AMBER");
        await Assertions.Expect(row.Locator(".severity")).ToHaveTextAsync("High");
        await WalkFixture.ShotAsync(page, "triage-01-inbox");

        // Opens it: the staff sections beside what the reporter sees.
        await row.Locator($"a[href='/incidents/{incidentId}']").ClickAsync();
        await page.WaitForURLAsync($"**/incidents/{incidentId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Title);
        await Assertions.Expect(page.Locator("#assignment")).ToContainTextAsync("Nobody");
        await WalkFixture.ShotAsync(page, "triage-02-incident");

        // Assigns it to themself.
        await page.ClickAsync("#assignment button:has-text('Assign to me')");
        await Assertions.Expect(page.Locator("#assignment strong")).ToHaveTextAsync("You");
        await Assertions.Expect(page.Locator("[role=status]").First).ToContainTextAsync("The assignment is on the record.");
        await WalkFixture.ShotAsync(page, "triage-03-assigned");
        var read = (await walk.Analyst.GetFromJsonAsync<JsonNode>($"/api/v1/incidents/{incidentId}"))!;
        Assert.Equal(analyst.Id, read["assignee_id"]!.GetValue<string>());

        // Asks the organisation for what is missing, by a day three days from now.
        var due = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'12:00", CultureInfo.InvariantCulture);
        await page.FillAsync("#ask-question", "How many of your staff phones carry the implant, and since when?");
        await page.FillAsync("#ask-due", due);
        await page.CheckAsync("#ask-field-affected_users");
        await page.ClickAsync("#ask button[type=submit]");
        await page.WaitForURLAsync("**done=request*");
        var requestId = new Uri(page.Url).Fragment.TrimStart('#')["request-".Length..];
        var request = page.Locator($"#request-{requestId}");
        await Assertions.Expect(request).ToContainTextAsync("How many of your staff phones carry the implant");
        await WalkFixture.ShotAsync(page, "triage-04-request");

        // The reporter answers on its incident page.
        var reporterPage = await walk.NewPageAsync();
        await SignInAsync(reporterPage, reporter.Email);
        await reporterPage.GotoAsync($"/incidents/{incidentId}");
        var asked = reporterPage.Locator($"#request-{requestId}");
        await Assertions.Expect(asked).ToContainTextAsync("How many of your staff phones carry the implant");
        await Assertions.Expect(reporterPage.Locator("#remarks")).ToHaveCountAsync(0);
        await asked.Locator("textarea[name=narrative]").FillAsync("Three phones, all since early November.");
        await asked.Locator("button:has-text('Send the answer')").ClickAsync();
        await Assertions.Expect(reporterPage.Locator($"#request-{requestId}")).ToContainTextAsync("Answered by submission");

        // The analyst sees the answer.
        await page.GotoAsync($"/incidents/{incidentId}");
        await Assertions.Expect(page.Locator($"#request-{requestId}")).ToContainTextAsync("Answered by submission");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Three phones, all since early November.");
        await WalkFixture.ShotAsync(page, "triage-05-answered");

        // Adds the incident's indicators to the collection, and sees them on the collection's page.
        await page.SelectOptionAsync("#indicators-collection", collectionId);
        await page.ClickAsync("#collections button[type=submit]");
        await Assertions.Expect(page.Locator("#collections")).ToContainTextAsync("Mercenary spyware on phones");
        await page.ClickAsync($"#collections a[href='/indicators/{collectionId}']");
        await page.WaitForURLAsync($"**/indicators/{collectionId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("198.51.100.23");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("TLP:AMBER");
        await WalkFixture.ShotAsync(page, "triage-06-indicators");
    }

    /// <summary>
    /// The page catalog's axe check reads the incident page as a reporter; the staff sections and the inbox are read
    /// here by an analyst, in both languages (axe is injected by the test, so this context bypasses the pages' CSP).
    /// </summary>
    [Fact]
    public async Task The_inbox_and_the_staff_sections_have_no_serious_accessibility_violation_in_either_language()
    {
        var reporter = await walk.CreateUserAsync("reporter", Password, walk.OrganisationId);
        using var reporterApi = walk.Server.Client(reporter.Token);
        var filed = await WalkFixture.CreatedAsync(reporterApi, "/api/v1/incidents", Report());
        var incidentId = filed["incident"]!["id"]!.GetValue<string>();
        var analyst = await walk.CreateUserAsync("analyst", Password);
        var axe = RepositoryPaths.File("tests", "Vigil.Server.Tests", "Axe", "node_modules", "axe-core", "axe.min.js");
        var violations = new List<string>();
        foreach (var language in new[] { "en", "hi" })
        {
            await using var context = await walk.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = walk.Server.Address.ToString().TrimEnd('/'), BypassCSP = true,
            });
            await context.AddCookiesAsync([new Cookie
            {
                Name = "vigil_language", Value = $"c%3D{language}%7Cuic%3D{language}", Domain = walk.Server.Address.Host, Path = "/",
            }]);
            var page = await context.NewPageAsync();
            await SignInAsync(page, analyst.Email);
            // A form refused shows its errors too: they are read with the rest.
            foreach (var path in new[] { "/triage", "/triage?status=sleeping", $"/incidents/{incidentId}" })
            {
                var response = await page.GotoAsync(path);
                Assert.NotNull(response);
                await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
                var found = await page.EvaluateAsync<JsonElement>(
                    "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations"
                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')");
                violations.AddRange(found.EnumerateArray().Select(v => $"{path} [{language}]: {v.GetString()}"));
            }
            await page.ClickAsync("#remarks button[type=submit]");
            await Assertions.Expect(page.Locator("#remark-text")).ToHaveAttributeAsync("aria-invalid", "true");
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var refused = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')");
            violations.AddRange(refused.EnumerateArray().Select(v => $"refused remark [{language}]: {v.GetString()}"));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/incidents");
    }

    private static JsonObject Report() => new()
    {
        ["title"] = Title,
        ["category"] = "malicious-code",
        ["description"] = "A zero-click exploit chain left an implant on a director's phone; it talks to a server abroad.",
        ["detected_at"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["critical_systems_affected"] = true,
        ["affected_users"] = new JsonObject { ["total"] = 1200, ["as_of"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
        ["regimes"] = new JsonArray("in-cert-in-2022"),
        ["tlp"] = "AMBER",
        ["indicators"] = new JsonArray(
            new JsonObject { ["type"] = "ipv4", ["value"] = "198.51.100.23", ["description"] = "Command and control" },
            new JsonObject { ["type"] = "domain", ["value"] = "updates-cdn.example", ["description"] = "First stage" }),
    };
}
