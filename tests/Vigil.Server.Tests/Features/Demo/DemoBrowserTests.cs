using Microsoft.Playwright;
using Vigil.Server.Features.Demo;
using Vigil.Server.Tests.Features.ReporterPages;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Demo;

/// <summary>The server on a database the demo was loaded into, as `vigil serve --demo` starts it.</summary>
public sealed class DemoBrowserFixture : BrowserFixture
{
    private readonly string _data = Directory.CreateTempSubdirectory("vigil-demo-browser-").FullName;

    public DemoOutput Demo { get; private set; } = null!;

    protected override async Task<IReadOnlyList<string>> ServerArgumentsAsync()
    {
        // Later arguments win: the running server uses the demo's data directory and its log origin.
        string[] host = [$"--Storage:DataDirectory={_data}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}", $"--Ledger:Origin={DemoStartup.Origin}"];
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await DemoStartup.LoadAsync(host, output, error, CancellationToken.None));
        Demo = DemoOutput.Read(output.ToString());
        return host;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in new[] { _data, _data + "-keys" }.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>
/// A newcomer opens the demo in a browser, signs in with the analyst account the demo printed, and finds the CERT's
/// withdrawn note, the vendor's incident timeline and the late verdict under CERT-In's 6 hours with the remark that
/// the rule was not in force in 2019. The screenshots are the README's.
/// </summary>
public sealed class DemoBrowserTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task A_newcomer_signs_in_with_a_printed_account_and_finds_the_note_the_timeline_and_the_late_verdict()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "analyst");

        await page.GotoAsync($"/notes/{fixture.Demo.NoteId}");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("WhatsApp VoIP stack buffer overflow (CVE-2019-3568)");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This note is withdrawn");
        await Assertions.Expect(page.Locator("section.countermeasures")).ToContainTextAsync("Upgrade WhatsApp");
        await ShotAsync(page, "demo-note");

        await page.GotoAsync($"/incidents/{fixture.Demo.IncidentId}");
        var timeline = page.Locator("ol.timeline > li");
        await Assertions.Expect(timeline).ToHaveCountAsync(3);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("2019");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("1,400");
        var certIn = page.Locator("table.compliance", new PageLocatorOptions { HasText = "CERT-In Directions" });
        await Assertions.Expect(certIn.Locator("td.state.met_late")).ToHaveTextAsync("met late");
        await Assertions.Expect(certIn.Locator(".late-by").First).ToContainTextAsync("late by 6");
        await Assertions.Expect(certIn.Locator("caption .not-in-force")).ToContainTextAsync("Not in force at the time: in force from");
        await Assertions.Expect(page.Locator("table.compliance caption .not-in-force")).ToHaveCountAsync(2);
        await ShotAsync(page, "demo-incident", fullPage: true);
        await page.Locator("#deadlines-heading").EvaluateAsync("heading => heading.scrollIntoView()");
        await ShotAsync(page, "demo-deadlines");

        await page.GotoAsync("/triage");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("(invented example)");
        await ShotAsync(page, "demo-triage");

        // Oversight sees the same verdict and remark, without the report's content.
        var oversight = await fixture.NewPageAsync();
        await SignInAsync(oversight, "oversight");
        await oversight.GotoAsync($"/oversight/incidents/{fixture.Demo.IncidentId}");
        var verdict = oversight.Locator("table.compliance[data-regime='in-cert-in-2022']");
        await Assertions.Expect(verdict.Locator("tr[data-stage='incident_report']")).ToHaveAttributeAsync("data-state", "met_late");
        await Assertions.Expect(verdict.Locator("caption .not-in-force")).ToContainTextAsync("28 June 2022");
        await Assertions.Expect(oversight.Locator("main")).Not.ToContainTextAsync("buffer overflow");
        await ShotAsync(oversight, "demo-oversight", fullPage: true);
    }

    private async Task SignInAsync(IPage page, string role)
    {
        var (email, password) = fixture.Demo.Accounts[role];
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Screenshots);
        await Screenshot.SaveAsync(page, Path.Combine(Screenshots, name + ".png"), fullPage);
    }
}
