using Microsoft.Playwright;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// A reporter's day in a real browser against Vigil in its own process (issue 12's walk): sign in, file a report with
/// a field it does not know yet and watch the deadlines move as it is filled in (with script, and without), keep the
/// receipt and check it on the public log, follow up, answer the CERT, and read it all in Hindi with IST times.
/// Each step leaves a screenshot under the test output's screenshots/walk.
/// </summary>
public sealed class ReporterWalkTests(WalkFixture walk) : IClassFixture<WalkFixture>
{
    [Fact]
    public async Task A_reporter_signs_in_with_its_password_and_lands_on_its_incidents()
    {
        var page = await walk.NewPageAsync();

        await SignInAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" })).ToBeVisibleAsync();
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
}
