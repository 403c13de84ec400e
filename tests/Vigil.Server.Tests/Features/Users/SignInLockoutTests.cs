using System.Net;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class SignInLockoutOnSqliteTests(VigilFactory factory) : SignInLockoutTests<VigilFactory>(factory);

public sealed class SignInLockoutOnPostgresTests(PostgresVigilFactory factory) : SignInLockoutTests<PostgresVigilFactory>(factory);

/// <summary>
/// Finding "sign-in throttling is per address only, with no per-account lockout": a guesser with many addresses had
/// ten tries a minute from each. Each attempt here comes from another address, so only the account's lock stops them.
/// </summary>
public abstract class SignInLockoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Five_failures_lock_the_account_for_a_minute_even_against_the_right_password()
    {
        var analyst = await People.CreateAsync(factory, Roles.Analyst);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, analyst.Email, $"wrong guess number {i}")).StatusCode);
        }

        var locked = await People.SignInAsync(factory, analyst.Email, analyst.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType!.MediaType);
        Assert.Equal("urn:vigil:problem:sign-in-locked", (await locked.JsonAsync())["type"]!.GetValue<string>());
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 55, 60);
        var page = await People.PageSignInAsync(factory, ("email", analyst.Email), ("password", analyst.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.Contains("Retry-After"));
        Assert.False(page.Headers.Contains("Set-Cookie"));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, analyst.Email, analyst.Password)).StatusCode);
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_lock_and_a_success_clears_the_count()
    {
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        for (var i = 0; i < 5; i++)
        {
            await People.SignInAsync(factory, reporter.Email, "wrong password again");
        }
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, reporter.Email, "one more wrong guess")).StatusCode);

        var locked = await People.SignInAsync(factory, reporter.Email, reporter.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 115, 120);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, reporter.Email, reporter.Password)).StatusCode);
        // Counting starts again: four failures lock nothing.
        for (var i = 0; i < 4; i++)
        {
            await People.SignInAsync(factory, reporter.Email, "wrong password again");
        }
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, reporter.Email, reporter.Password)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_is_locked_just_like_an_account_so_the_lock_tells_nothing()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, unknown, "any password at all")).StatusCode);
        }

        var locked = await People.SignInAsync(factory, unknown.ToUpperInvariant(), "any password at all");

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.Contains("Retry-After"));
    }

    [Fact]
    public void The_lock_doubles_from_one_minute_up_to_one_hour()
    {
        var options = new AccountsOptions();
        Assert.Null(AccountLockout.LockFor(4, options));
        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 60, 60],
            Enumerable.Range(5, 8).Select(failures => AccountLockout.LockFor(failures, options)!.Value.TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(1), AccountLockout.LockFor(int.MaxValue, options));
    }
}
