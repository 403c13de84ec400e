using System.Net;
using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class TotpSignInOnSqliteTests(VigilFactory factory) : TotpSignInTests<VigilFactory>(factory);

public sealed class TotpSignInOnPostgresTests(PostgresVigilFactory factory) : TotpSignInTests<PostgresVigilFactory>(factory);

/// <summary>The second factor: enrolment, sign-in with a code on the API and the pages, no code twice, and roles that must have one.</summary>
public abstract class TotpSignInTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Once_confirmed_a_second_factor_is_needed_to_sign_in_and_no_code_works_twice()
    {
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        var secret = await EnrolAsync(reporter.Client);
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, reporter.Email, reporter.Password)).StatusCode);
        Assert.Equal(["/code"], await (await reporter.Client.PostJsonAsync("/api/v1/me/totp/confirm", """{"code": "000000"}""")).ProblemPointersAsync());

        var confirmed = await reporter.Client.PostJsonAsync("/api/v1/me/totp/confirm", $$"""{"code": "{{Now(secret)}}"}""");

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await confirmed.JsonAsync())["totp_enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, reporter.Email, reporter.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, reporter.Email, reporter.Password, "123456")).StatusCode);
        // The code that confirmed was used: it opens nothing now.
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, reporter.Email, reporter.Password, Now(secret))).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var code = Now(secret);
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, reporter.Email, reporter.Password, code)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.SignInAsync(factory, reporter.Email, reporter.Password, code)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.PageSignInAsync(factory, ("email", reporter.Email), ("password", reporter.Password))).StatusCode);
        var session = await People.PageSessionAsync(factory, reporter.Email, reporter.Password, Now(secret));
        Assert.Equal(HttpStatusCode.OK, (await People.PageAsync(factory, People.InventoryPage(reporter), session)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.Client.PostAsync("/api/v1/me/totp", null)).StatusCode);
    }

    [Fact]
    public async Task The_secret_is_stored_sealed_and_an_admin_can_remove_the_factor()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var analyst = await People.CreateAsync(factory, Roles.Analyst);
        var secret = await EnrolAsync(analyst.Client);
        await analyst.Client.PostJsonAsync("/api/v1/me/totp/confirm", $$"""{"code": "{{Now(secret)}}"}""");

        await using (var db = factory.OpenDatabase())
        {
            using var command = db.Command("SELECT totp_secret FROM users WHERE id = @id", ("id", analyst.UserId));
            var stored = (byte[])command.ExecuteScalar()!;
            Assert.Equal(12 + secret.Length + 16, stored.Length);
            Assert.Equal(-1, stored.AsSpan().IndexOf(secret.AsSpan(0, 8)));
        }
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/v1/users/{analyst.UserId}/totp")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, analyst.Email, analyst.Password)).StatusCode);
        Assert.False((await analyst.Client.GetNodeAsync("/api/v1/me"))["totp_enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.PostAsync("/api/v1/me/totp", null)).StatusCode);
    }

    [Fact]
    public async Task A_role_that_must_have_a_second_factor_gets_only_an_enrolment_token_until_it_has_one()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Accounts:RequireTotpForRoles:0", "analyst"));
        var analyst = await People.CreateAsync(strict, Roles.Analyst);
        var reporter = await People.CreateAsync(strict, Roles.Reporter);

        var signIn = await People.SignInAsync(strict, analyst.Email, analyst.Password);

        Assert.Equal(HttpStatusCode.Created, signIn.StatusCode);
        var answer = await signIn.JsonAsync();
        Assert.Equal(ApiTokens.TotpEnrolmentScope, answer["scope"]!.GetValue<string>());
        Assert.Contains("/api/v1/me/totp", answer["next"]!.GetValue<string>(), StringComparison.Ordinal);
        var limited = People.Bearer(strict, answer["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await limited.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await limited.GetAsync("/api/v1/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await limited.GetAsync("/api/v1/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await limited.PostJsonAsync("/api/v1/me/sessions/end", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.PageSignInAsync(strict, ("token", answer["token"]!.GetValue<string>()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await People.PageSignInAsync(strict, ("email", analyst.Email), ("password", analyst.Password))).StatusCode);
        Assert.Null((await (await People.SignInAsync(strict, reporter.Email, reporter.Password)).JsonAsync())["scope"]);

        var secret = await EnrolAsync(limited);
        Assert.Equal(HttpStatusCode.OK, (await limited.PostJsonAsync("/api/v1/me/totp/confirm", $$"""{"code": "{{Now(secret)}}"}""")).StatusCode);

        // Its one job done, the enrolment token ends; signing in with a code gives a full token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await limited.PostAsync("/api/v1/me/totp", null)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var full = await (await People.SignInAsync(strict, analyst.Email, analyst.Password, Now(secret))).JsonAsync();
        Assert.Null(full["scope"]);
        Assert.Equal(HttpStatusCode.OK, (await People.Bearer(strict, full["token"]!.GetValue<string>()).GetAsync("/api/v1/incidents")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_endpoints_need_a_signed_in_caller()
    {
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/me/totp", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/v1/me/totp/confirm", """{"code": "123456"}""")).StatusCode);
    }

    private static async Task<byte[]> EnrolAsync(HttpClient client)
    {
        var enrolled = await client.PostAsync("/api/v1/me/totp", null);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var answer = await enrolled.JsonAsync();
        var secret = answer["secret"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/Vigil:", answer["otpauth_uri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("secret=" + secret, answer["otpauth_uri"]!.GetValue<string>(), StringComparison.Ordinal);
        return Base32.Decode(secret);
    }

    private string Now(byte[] secret) => Totp.Code(secret, Totp.StepAt(factory.Clock.GetUtcNow()));
}
