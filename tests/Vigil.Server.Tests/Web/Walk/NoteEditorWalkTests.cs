using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// An analyst writes and publishes a note in a real browser (issue 13): an organisation's inventory lists WhatsApp for
/// Android 2.19.100; the analyst writes a note for WhatsApp for Android &lt; 2.19.134, enters its CVSS 3.1 vector by
/// choosing metrics in the calculator and sees the score follow, sees that organisation named under "Who would this
/// hit?" before publishing, publishes, and the public reads the note. Screenshots notes-01 to notes-04.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class NoteEditorWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    private const string Password = "analyst walks the note editor 2019";
    private const string Title = "WhatsApp for Android: remote code execution through a voice call";
    private const string Organisation = "Example Clinic Network";

    [Fact]
    public async Task An_analyst_writes_a_note_scores_it_in_the_calculator_sees_who_it_would_hit_and_publishes_it()
    {
        await InventoryAsync();
        var analyst = await walk.CreateUserAsync("analyst", Password);
        var page = await walk.NewPageAsync();
        // The calculator's script must run without an error.
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", analyst.Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));

        // From the notes list to a new note: what to do first, then what it is and what it affects.
        await page.GotoAsync("/notes");
        await page.ClickAsync("main a[href='/notes/new']");
        await page.WaitForURLAsync("**/notes/new");
        await page.FillAsync("#f-countermeasures", "Update WhatsApp for Android to 2.19.134 or later from the official store.");
        await page.FillAsync("#f-title", Title);
        await page.FillAsync("#f-summary", "A buffer overflow in the VoIP stack lets an attacker run code by calling the phone.");
        await page.SelectOptionAsync("#f-severity", "critical");
        await page.FillAsync("#f-description", "A crafted series of SRTCP packets overflows a buffer in the calling stack.");
        await page.FillAsync("#f-product-0-product", "WhatsApp for Android");
        await page.FillAsync("#f-product-0-vendor", "WhatsApp");
        await page.FillAsync("#f-product-0-affected", "vers:semver/<2.19.134");
        await page.FillAsync("#f-product-0-fixed", "2.19.134");
        await WalkFixture.ShotAsync(page, "notes-01-new");

        // The calculator: the score appears once every base metric is chosen, and follows each choice.
        var result = page.Locator("#f-cvss31-calculator [data-cvss-result]");
        foreach (var (metric, value) in new[] { ("AV", "N"), ("AC", "L"), ("PR", "N"), ("UI", "N"), ("S", "U"), ("C", "H"), ("I", "H") })
        {
            await page.SelectOptionAsync($"#f-cvss31-{metric}", value);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await Assertions.Expect(result).ToContainTextAsync("No score yet");
        await page.SelectOptionAsync("#f-cvss31-A", "H");
        await Assertions.Expect(result).ToHaveTextAsync("Score 9.8, critical");
        await Assertions.Expect(page.Locator("#f-cvss31")).ToHaveValueAsync("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        await page.SelectOptionAsync("#f-cvss31-A", "N");
        await Assertions.Expect(result).ToHaveTextAsync("Score 9.1, critical");
        await page.SelectOptionAsync("#f-cvss31-A", "H");
        await Assertions.Expect(result).ToHaveTextAsync("Score 9.8, critical");
        // A vector typed in sets the metrics of its calculator and is scored as typed.
        await page.FillAsync("#f-cvss40", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        await Assertions.Expect(page.Locator("#f-cvss40-VC")).ToHaveValueAsync("H");
        await Assertions.Expect(page.Locator("#f-cvss40-calculator [data-cvss-result]")).ToHaveTextAsync("Score 9.3, critical");
        await page.Locator("#f-cvss31-calculator").ScrollIntoViewIfNeededAsync();
        await WalkFixture.ShotAsync(page, "notes-02-calculator");

        // Saved as a draft: the organisation running 2.19.100 is named before anything is published.
        await page.ClickAsync("button[value='save']");
        await page.WaitForURLAsync("**/notes/*/edit?saved=1");
        var noteId = new Uri(page.Url).Segments[2].TrimEnd('/');
        await page.ClickAsync($"main a[href='/notes/{noteId}/publish']");
        await page.WaitForURLAsync($"**/notes/{noteId}/publish");
        var wouldHit = page.Locator("section.would-hit");
        await Assertions.Expect(wouldHit).ToContainTextAsync(Organisation);
        await Assertions.Expect(wouldHit).ToContainTextAsync("2.19.100");
        await WalkFixture.ShotAsync(page, "notes-03-would-hit");

        await page.FillAsync("#f-summary", "Initial release.");
        await page.ClickAsync("button[value='publish']");
        await page.WaitForURLAsync($"**/notes/{noteId}");

        // The public reads it: what to do first, the score the calculator showed.
        var reader = await walk.NewPageAsync();
        await reader.GotoAsync($"/notes/{noteId}");
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(Title);
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("CVSS 3.1: 9.8, critical");
        await Assertions.Expect(reader.Locator("section.countermeasures")).ToContainTextAsync("Update WhatsApp for Android to 2.19.134");
        await WalkFixture.ShotAsync(reader, "notes-04-published");
        using var anonymousClient = walk.Server.Client();
        var anonymous = await anonymousClient.GetAsync($"/api/v1/notes/{noteId}/history");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    /// <summary>An organisation whose reporters uploaded an inventory listing WhatsApp for Android 2.19.100, through the API.</summary>
    private async Task InventoryAsync()
    {
        var organisation = await WalkFixture.CreatedAsync(walk.Admin, "/api/v1/organisations", new JsonObject
        {
            ["name"] = Organisation, ["sector"] = "health", ["country"] = "IN",
            ["point_of_contact"] = new JsonObject { ["name"] = "R. Iyer", ["role"] = "IT Security Lead", ["email"] = "security@clinic.example" },
        });
        var organisationId = organisation["id"]!.GetValue<string>();
        var reporter = await walk.CreateUserAsync("reporter", "clinic reporter password 2019", organisationId);
        using var client = walk.Server.Client(reporter.Token);
        var put = await client.PutAsync($"/api/v1/organisations/{organisationId}/inventory", System.Net.Http.Json.JsonContent.Create(new JsonObject
        {
            ["products"] = new JsonArray(new JsonObject { ["vendor"] = "WhatsApp", ["product"] = "WhatsApp for Android", ["version"] = "2.19.100" }),
        }));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }
}
