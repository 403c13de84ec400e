using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Users;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// No token, password, code or second-factor secret the tests use ever reaches the server log. Every test server logs
/// to the run's log, which is searched for every secret the run used each time a server is disposed (so a leak fails
/// the test that caused it); this test walks the flows that handle secrets on purpose, failed ones included, and
/// searches the log at once.
/// </summary>
public sealed class ServerLogSecretTests
{
    [Fact]
    public void The_search_finds_tokens_and_other_secrets_and_nothing_else()
    {
        const string Token = "vgl_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_ab";
        var log = $"Information Vigil.X[1]: signed in with {Token} and pass phrase 'tremble owl marmalade' for vgl_NotOneOfOursAtAllButLongEnough";
        Assert.Equal([Token, "tremble owl marmalade"], RunLog.Search(log, [Token, "tremble owl marmalade", "absent secret value"]));
        Assert.Empty(RunLog.Search("Information Vigil.X[1]: nothing here", [Token]));
    }

    [Fact]
    public async Task Secrets_handled_by_sign_in_tokens_resets_and_second_factors_are_never_logged()
    {
        using var factory = new VigilFactory();
        var admin = await People.CreateAsync(factory, Roles.Admin);
        var reporter = await People.CreateAsync(factory, Roles.Reporter);

        var signedIn = await People.SignedInTokenAsync(factory, reporter.Email, reporter.Password);
        await People.SignInAsync(factory, reporter.Email, "not the password at all");
        await People.PageSessionAsync(factory, reporter.Email, reporter.Password);
        var issued = await admin.Client.PostJsonAsync($"/api/v1/users/{reporter.UserId}/tokens", """{"name": "ci"}""", idempotencyKey: "issue-1");
        var token = (await issued.JsonAsync())["token"]!.GetValue<string>();
        await admin.Client.PostJsonAsync($"/api/v1/users/{reporter.UserId}/tokens", """{"name": "ci"}""", idempotencyKey: "issue-1");
        var code = (await (await admin.Client.PostAsync($"/api/v1/users/{reporter.UserId}/password-reset", null)).JsonAsync())["code"]!.GetValue<string>();
        await People.FromAnywhere(factory).PostJsonAsync("/api/v1/auth/password-reset", $$"""{"code": "{{code}}", "new_password": "another long passphrase"}""");
        var totp = await (await People.Bearer(factory, token).PostAsync("/api/v1/me/totp", null)).JsonAsync();

        // A revoked token, an unknown one and a malformed body sent with a good one: each is answered, none is logged.
        await People.Bearer(factory, token).DeleteAsync("/api/v1/tokens/" + (await issued.JsonAsync())["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.Bearer(factory, token).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await People.Bearer(factory, "vgl_" + new string('x', 43)).GetAsync("/api/v1/me")).StatusCode);
        await People.Bearer(factory, signedIn).PostJsonAsync("/api/v1/incidents", "{\"title\": ");

        foreach (var secret in new[] { signedIn, token, code, "another long passphrase", reporter.Password, totp["secret"]!.GetValue<string>() })
        {
            Assert.True(RunLog.Knows(secret), "the harvest missed a secret the test used");
        }
        Assert.True(RunLog.Length > 0, "nothing was logged at all");
        Assert.Empty(RunLog.FindLoggedSecrets());
    }
}
