using System.Net;
using System.Security.Cryptography;
using System.Text;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class PasswordOnSqliteTests(VigilFactory factory) : PasswordTests<VigilFactory>(factory);

public sealed class PasswordOnPostgresTests(PostgresVigilFactory factory) : PasswordTests<PostgresVigilFactory>(factory);

/// <summary>Changing a password knowing the old one, and a reset an administrator starts but never sees the end of.</summary>
public abstract class PasswordTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private const string NewPassword = "a much better passphrase";

    [Fact]
    public async Task Changing_the_password_ends_other_page_sessions_and_sign_in_tokens_but_not_issued_tokens()
    {
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        var session = await People.PageSessionAsync(factory, reporter.Email, reporter.Password);
        var other = People.Bearer(factory, await People.SignedInTokenAsync(factory, reporter.Email, reporter.Password));
        var asking = People.Bearer(factory, await People.SignedInTokenAsync(factory, reporter.Email, reporter.Password));

        var changed = await asking.PostJsonAsync("/api/v1/me/password", $$"""{"current_password": "{{reporter.Password}}", "new_password": "{{NewPassword}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await People.AssertSessionEndedAsync(factory, People.InventoryPage(reporter), session);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asking.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, reporter.Email, reporter.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, reporter.Email, NewPassword)).StatusCode);
        Assert.NotNull((await asking.GetNodeAsync("/api/v1/me"))["password_changed_at"]);
    }

    [Fact]
    public async Task A_change_needs_the_current_password_and_a_long_enough_new_one()
    {
        var analyst = await People.CreateAsync(factory, Roles.Analyst);

        var wrong = await analyst.Client.PostJsonAsync("/api/v1/me/password", $$"""{"current_password": "guess guess guess", "new_password": "{{NewPassword}}"}""");
        var weak = await analyst.Client.PostJsonAsync("/api/v1/me/password", $$"""{"current_password": "{{analyst.Password}}", "new_password": "short"}""");
        var unknown = await analyst.Client.PostJsonAsync("/api/v1/me/password", """{"password": "x"}""");

        Assert.Equal(["/current_password"], await wrong.ProblemPointersAsync());
        Assert.Equal(["/new_password"], await weak.ProblemPointersAsync());
        Assert.Equal(["/password", "/current_password", "/new_password"], await unknown.ProblemPointersAsync());
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, analyst.Email, analyst.Password)).StatusCode);
    }

    [Fact]
    public async Task A_reset_code_is_stored_as_its_digest_works_once_and_ends_every_page_session_and_sign_in_token()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        var session = await People.PageSessionAsync(factory, reporter.Email, reporter.Password);
        var signedIn = People.Bearer(factory, await People.SignedInTokenAsync(factory, reporter.Email, reporter.Password));

        var issued = await admin.Client.PostAsync($"/api/v1/users/{reporter.UserId}/password-reset", null);

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var answer = await issued.JsonAsync();
        var code = answer["code"]!.GetValue<string>();
        Assert.Equal("/api/v1/auth/password-reset", answer["reset_path"]!.GetValue<string>());
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(24), answer["expires_at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(5));
        await using (var db = factory.OpenDatabase())
        {
            var stored = Assert.Single(db.Strings("SELECT code_hash FROM password_resets WHERE user_id = @user", ("user", reporter.UserId)));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code))), stored);
        }
        // Signing in with the old password still works until the code is used: the admin learns nothing and changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/me")).StatusCode);

        var used = await UseAsync(code.ToLowerInvariant(), NewPassword);

        Assert.Equal(HttpStatusCode.NoContent, used.StatusCode);
        await People.AssertSessionEndedAsync(factory, People.InventoryPage(reporter), session);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, reporter.Email, reporter.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, reporter.Email, NewPassword)).StatusCode);
        Assert.Equal(["/code"], await (await UseAsync(code, "yet another long password")).ProblemPointersAsync());
    }

    [Fact]
    public async Task A_reset_code_expires_after_a_day_and_a_newer_one_replaces_it()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var analyst = await People.CreateAsync(factory, Roles.Analyst);
        async Task<string> IssueAsync() =>
            (await (await admin.Client.PostAsync($"/api/v1/users/{analyst.UserId}/password-reset", null)).JsonAsync())["code"]!.GetValue<string>();

        var replaced = await IssueAsync();
        var expiring = await IssueAsync();
        Assert.Equal(["/code"], await (await UseAsync(replaced, NewPassword)).ProblemPointersAsync());
        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Equal(["/code"], await (await UseAsync(expiring, NewPassword)).ProblemPointersAsync());
        Assert.Equal(["/code"], await (await UseAsync("not a code", NewPassword)).ProblemPointersAsync());
        Assert.Equal(["/new_password"], await (await UseAsync(await IssueAsync(), "short")).ProblemPointersAsync());
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, analyst.Email, analyst.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Client.PostAsync($"/api/v1/users/{analyst.UserId}/password-reset", null)).StatusCode);
    }

    private Task<HttpResponseMessage> UseAsync(string code, string password) =>
        People.FromAnywhere(factory).PostJsonAsync("/api/v1/auth/password-reset", $$"""{"code": "{{code}}", "new_password": "{{password}}"}""");
}
