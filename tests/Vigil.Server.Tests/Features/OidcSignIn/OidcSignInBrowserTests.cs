using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Data;
using Vigil.Server.Features.ReporterPages;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.OidcSignIn;

/// <summary>
/// Signing in to the pages through a real OpenID Connect provider in Chromium (issue 11, optional OpenID Connect
/// sign-in): the provider's verified e-mail opens Vigil's own session for the enabled user with that e-mail; an unknown,
/// unverified or disabled one, a locked name, a tampered state and another browser's callback open none; a second
/// factor is still asked for.
/// </summary>
public sealed class OidcSignInBrowserTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    [Fact]
    public async Task A_reporter_signs_in_through_the_provider_and_reaches_the_pages_with_the_same_session_cookie_as_a_password_gives()
    {
        var reporter = await UserAsync(Roles.Reporter);
        var page = await fixture.NewPageAsync();

        var landing = await ThroughProviderAsync(page, reporter.Email);

        Assert.Equal(200, landing.Status);
        await AssertSignedInAsync(page);
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == WebSessions.CookieName);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal("/", session.Path);
        // The round trip's cookie is gone; the provider's tokens were never kept.
        Assert.DoesNotContain(cookies, c => c.Name == "vigil_oidc");
        Assert.Equal(1, await SessionsOfAsync(reporter.UserId));
    }

    [Fact]
    public async Task An_unknown_e_mail_gets_the_same_page_as_a_wrong_password_and_no_session()
    {
        var page = await fixture.NewPageAsync();

        var landing = await ThroughProviderAsync(page, $"nobody-{Guid.NewGuid():N}@example.org");

        await AssertFailedAsync(page, landing);
        var wrongPassword = await fixture.NewPageAsync();
        await wrongPassword.GotoAsync("/sign-in");
        await wrongPassword.FillAsync("#email", $"nobody-{Guid.NewGuid():N}@example.org");
        await wrongPassword.FillAsync("#password", "not the password");
        var answer = await wrongPassword.RunAndWaitForResponseAsync(() => wrongPassword.ClickAsync("button:has-text('Sign in')"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/sign-in");
        Assert.Equal(landing.Status, answer.Status);
        Assert.Equal(await page.Locator(".error-summary").TextContentAsync(), await wrongPassword.Locator(".error-summary").TextContentAsync());
    }

    [Fact]
    public async Task A_disabled_user_is_refused_like_an_unknown_one()
    {
        var reporter = await UserAsync(Roles.Reporter);
        await WithDatabaseAsync(db => db.Users.Where(u => u.Id == reporter.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UnixEpoch)));
        var page = await fixture.NewPageAsync();

        await AssertFailedAsync(page, await ThroughProviderAsync(page, reporter.Email));
        Assert.Equal(0, await SessionsOfAsync(reporter.UserId));
    }

    [Fact]
    public async Task An_e_mail_the_provider_does_not_say_is_verified_is_refused()
    {
        var reporter = await UserAsync(Roles.Reporter);
        var page = await fixture.NewPageAsync();

        await AssertFailedAsync(page, await ThroughProviderAsync(page, "unverified:" + reporter.Email));
        Assert.Equal(0, await SessionsOfAsync(reporter.UserId));
    }

    [Fact]
    public async Task A_name_locked_after_failed_passwords_stays_locked_through_the_provider()
    {
        var reporter = await UserAsync(Roles.Reporter);
        await WithServiceAsync<AccountLockout>(async lockout =>
        {
            for (var i = 0; i < new AccountsOptions().LockoutAfterFailures; i++)
            {
                await lockout.RecordFailureAsync(reporter.Email, CancellationToken.None);
            }
        });
        var page = await fixture.NewPageAsync();

        var landing = await ThroughProviderAsync(page, reporter.Email);

        Assert.Equal(429, landing.Status);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Too many failed sign-ins");
        await ShotAsync(page, "oidc-locked");
        Assert.Equal(0, await SessionsOfAsync(reporter.UserId));
    }

    [Fact]
    public async Task A_user_with_a_second_factor_gives_its_code_before_the_session_opens_and_a_wrong_code_counts_towards_the_lock()
    {
        var reporter = await UserAsync(Roles.Reporter);
        var secret = await EnrolTotpAsync(reporter.UserId);
        var page = await fixture.NewPageAsync();

        var landing = await ThroughProviderAsync(page, reporter.Email);

        Assert.Equal(200, landing.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("One more step");
        await ShotAsync(page, "oidc-second-factor");
        Assert.Equal(0, await SessionsOfAsync(reporter.UserId));
        var step = Totp.StepAt(Now());
        var wrong = Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(code => !new[] { step - 1, step, step + 1 }.Any(s => Totp.Code(secret, s) == code));
        await page.FillAsync("input[name=totp]", wrong);
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Sign in')"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/sign-in/oidc/complete");
        Assert.Equal(401, refused.Status);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("That code is wrong");
        await ShotAsync(page, "oidc-second-factor-wrong");
        Assert.Equal(1, await WithDatabaseAsync(db => db.SignInThrottles.Where(t => t.AccountKey == AccountLockout.KeyOf(reporter.Email))
            .Select(t => t.Failures).SingleAsync()));
        Assert.Equal(0, await SessionsOfAsync(reporter.UserId));

        await page.FillAsync("input[name=totp]", Totp.Code(secret, Totp.StepAt(Now())));
        await page.ClickAsync("button:has-text('Sign in')");

        await AssertSignedInAsync(page);
        Assert.Equal(1, await SessionsOfAsync(reporter.UserId));
    }

    [Fact]
    public async Task A_role_that_must_have_a_second_factor_cannot_sign_in_through_the_provider_without_one()
    {
        var admin = await UserAsync(Roles.Admin);
        var page = await fixture.NewPageAsync();

        var landing = await ThroughProviderAsync(page, admin.Email);

        Assert.Equal(403, landing.Status);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("second factor");
        Assert.Equal(0, await SessionsOfAsync(admin.UserId));
    }

    [Fact]
    public async Task A_callback_whose_state_was_changed_is_refused_and_the_unchanged_one_then_signs_in()
    {
        var reporter = await UserAsync(Roles.Reporter);
        var page = await fixture.NewPageAsync();
        var callback = await HeldBackCallbackAsync(page, reporter.Email);

        var query = QueryHelpers.ParseQuery(callback.Query);
        var state = query["state"].ToString();
        var tampered = QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), query.Select(p =>
            new KeyValuePair<string, string?>(p.Key, p.Key == "state" ? (state[0] == 'A' ? "B" : "A") + state[1..] : p.Value.ToString())));
        await AssertRoundTripRefusedAsync(page, (await page.GotoAsync(tampered))!);
        Assert.Equal(0, await SessionsOfAsync(reporter.UserId));

        // The same browser with the provider's own answer: the refusal was the state's, nothing else.
        Assert.Equal(200, (await page.GotoAsync(callback.ToString()))!.Status);
        await AssertSignedInAsync(page);
        Assert.Equal(1, await SessionsOfAsync(reporter.UserId));
    }

    [Fact]
    public async Task A_callback_taken_to_another_browser_is_refused_there_and_works_only_in_the_browser_that_started_it()
    {
        var reporter = await UserAsync(Roles.Reporter);
        var victim = await fixture.NewPageAsync();
        var callback = await HeldBackCallbackAsync(victim, reporter.Email);
        // What binds the callback to this browser: the correlation and nonce cookies Vigil set when it started.
        // (The sign-in page's antiforgery cookie is the pages' own, on every path, and binds nothing here.)
        var roundTrip = (await victim.Context.CookiesAsync()).Where(c => c.Domain == fixture.Server.Address.Host && c.Name != "vigil_antiforgery").ToList();
        Assert.Equal(2, roundTrip.Count);
        Assert.All(roundTrip, c => Assert.True(c.HttpOnly && c.SameSite == SameSiteAttribute.Lax && c.Path == "/signin-oidc", c.Name));

        var other = await fixture.NewPageAsync();
        await AssertRoundTripRefusedAsync(other, (await other.GotoAsync(callback.ToString()))!);
        Assert.Equal(0, await SessionsOfAsync(reporter.UserId));

        Assert.Equal(200, (await victim.GotoAsync(callback.ToString()))!.Status);
        await AssertSignedInAsync(victim);
        Assert.Equal(1, await SessionsOfAsync(reporter.UserId));
    }

    /// <summary>
    /// The round trip up to the provider's answer, which is held back: the provider's redirects after the consent are
    /// followed by the test (with the browser's cookies) instead of the browser, so the callback is not yet visited.
    /// </summary>
    private async Task<Uri> HeldBackCallbackAsync(IPage page, string login)
    {
        await StartAtProviderAsync(page, login);
        var callback = new TaskCompletionSource<Uri>();
        await page.RouteAsync(url => url.StartsWith(fixture.Provider.Issuer + "/interaction/", StringComparison.Ordinal), async route =>
        {
            if (route.Request.Method != "POST" || route.Request.PostData?.Contains("prompt=consent", StringComparison.Ordinal) != true)
            {
                await route.ContinueAsync();
                return;
            }
            var answer = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            var next = new Uri(new Uri(route.Request.Url), answer.Headers["location"]);
            while (next.GetLeftPart(UriPartial.Authority) == fixture.Provider.Issuer)
            {
                var hop = await page.Context.APIRequest.GetAsync(next.ToString(), new APIRequestContextOptions { MaxRedirects = 0 });
                next = new Uri(next, hop.Headers["location"]);
            }
            callback.SetResult(next);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/plain", Body = "The provider's answer is held back by the test." });
        });
        await page.ClickAsync("button:has-text('Continue')");
        return await callback.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    private sealed record User(string UserId, string? OrganisationId, string Email);

    /// <summary>From Vigil's sign-in page to the provider's forms, signed in there as <paramref name="login"/>, up to its consent.</summary>
    private static async Task StartAtProviderAsync(IPage page, string login)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Sign in with {OidcFixture.DisplayName}" }).ClickAsync();
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "any password: the test provider takes it");
        await page.ClickAsync("button:has-text('Sign-in')");
    }

    /// <summary>The whole round trip; the answer of the first Vigil page after the provider.</summary>
    private static async Task<IResponse> ThroughProviderAsync(IPage page, string login)
    {
        await StartAtProviderAsync(page, login);
        var landing = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Status != 302
            && (r.Url.Contains("/sign-in/oidc/complete", StringComparison.Ordinal) || r.Url.Contains("/signin-oidc", StringComparison.Ordinal)));
        await page.ClickAsync("button:has-text('Continue')");
        return await landing;
    }

    private static Task ShotAsync(IPage page, string name) =>
        Screenshot.SaveAsync(page, Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"));

    /// <summary>The page the round trip ends on goes on by itself to the landing page, where the layout offers to sign out.</summary>
    private static async Task AssertSignedInAsync(IPage page)
    {
        await page.WaitForURLAsync($"**{SignIn.Landing}");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private async Task AssertFailedAsync(IPage page, IResponse landing)
    {
        Assert.Equal(401, landing.Status);
        await Assertions.Expect(page.Locator(".error-summary")).ToHaveTextAsync(fixture.Server.Services.GetRequiredService<IStringLocalizer<SignInText>>()["Failed"].Value);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name is WebSessions.CookieName or "vigil_oidc");
    }

    private static async Task AssertRoundTripRefusedAsync(IPage page, IResponse landing)
    {
        Assert.Equal(400, landing.Status);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync($"Signing in with {OidcFixture.DisplayName} did not complete");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name is WebSessions.CookieName or "vigil_oidc");
    }

    private async Task<User> UserAsync(string role)
    {
        var created = await Seed.UserAsync(fixture.Server.Services, role);
        var email = await WithDatabaseAsync(db => db.Users.Where(u => u.Id == created.UserId).Select(u => u.Email).SingleAsync());
        return new User(created.UserId, created.OrganisationId, email);
    }

    private async Task<byte[]> EnrolTotpAsync(string userId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        var secret = scope.ServiceProvider.GetRequiredService<TotpFactor>().NewSecret(user);
        user.TotpEnabledAt = Now();
        await db.SaveChangesAsync();
        return secret;
    }

    private Task<int> SessionsOfAsync(string userId) => WithDatabaseAsync(db => db.WebSessions.CountAsync(s => s.UserId == userId));

    private DateTimeOffset Now() => fixture.Server.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private async Task<T> WithDatabaseAsync<T>(Func<VigilDbContext, Task<T>> read)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<VigilDbContext>());
    }

    private async Task WithServiceAsync<T>(Func<T, Task> use) where T : notnull
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<T>());
    }
}
