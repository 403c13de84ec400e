using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vigil.Server.Features.Organisations;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Users;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;

namespace Vigil.Server.Tests.Features.Admin;

/// <summary>
/// The administrator's pages at the HTTP level, in English and Hindi: each page shows what it is for; each form goes
/// through the API's own code, so that the API then shows the change and /api/v1/events has its event; a form the
/// API would refuse is refused beside its box and writes nothing; and nobody but an administrator gets in.
/// </summary>
public sealed partial class AdminPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    internal static string Say(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "Admin", language == "en" ? "AdminText.resx" : "AdminText.hi.resx"))[key];

    private static string SayWeb(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Infrastructure", "Web", language == "en" ? "WebText.resx" : "WebText.hi.resx"))[key];

    private async Task<(Actor Admin, PageReader Pages)> AdminAsync()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        return (admin, await PageReader.SignInAsync(factory, admin.Token));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task Every_admin_page_shows_what_it_is_for(string language)
    {
        var (_, pages) = await AdminAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var visits = new (string Path, string[] Says)[]
        {
            ("/admin", ["AdminTitle", "Organisations", "Users", "Regimes", "Ledger", "Jobs", "Providers"]),
            ("/admin/organisations", ["Organisations", "NewOrganisation", "PointOfContact"]),
            ($"/admin/organisations/{reporter.OrganisationId}", ["PointOfContact", "SaveContact", "Users"]),
            ("/admin/users", ["Users", "NewUser", "SecondFactor", "LastSignIn"]),
            ($"/admin/users/{reporter.UserId}", ["Disable", "ChangeRole", "IssueReset", "ResetTotp", "EndSessions", "Tokens"]),
            ("/admin/regimes", ["Regimes", "LegalReference", "RuleSource"]),
            ("/admin/ledger", ["SigningKeys", "LatestCheckpoint", "Witnesses"]),
            ("/admin/jobs", ["Jobs", "Job_checkpoint-signer", "Job_reminders", "Job_idempotency-pruner"]),
        };
        foreach (var (path, says) in visits)
        {
            var (response, html) = await pages.GetAsync(path, language);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
            foreach (var said in says)
            {
                Assert.Contains(Say(language, said), html, StringComparison.Ordinal);
            }
            // The layout offers administrators their pages.
            Assert.Contains($"<a href=\"/admin\">{SayWeb(language, "Administration")}</a>", html, StringComparison.Ordinal);
        }
        var (_, regimes) = await pages.GetAsync("/admin/regimes", language);
        Assert.Contains("in-cert-in-2022", regimes, StringComparison.Ordinal);
        Assert.Contains("https://eur-lex.europa.eu/eli/reg/2024/2847/oj", regimes, StringComparison.Ordinal);
        var (_, users) = await pages.GetAsync("/admin/users", language);
        Assert.Contains($"/admin/users/{reporter.UserId}", users, StringComparison.Ordinal);
        var key = (await (await factory.CreateClient().GetAsync("/ledger/key")).Content.ReadAsStringAsync()).Split('\n')[0];
        var (_, ledger) = await pages.GetAsync("/admin/ledger", language);
        Assert.Contains(key, ledger, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Reporter, "en")]
    [InlineData(Roles.Analyst, "hi")]
    [InlineData(Roles.Oversight, "en")]
    public async Task Anyone_but_an_administrator_is_refused_with_a_page_in_its_language(string role, string language)
    {
        var someone = await factory.CreateActorAsync(role);
        var pages = await PageReader.SignInAsync(factory, someone.Token);
        var target = await factory.CreateActorAsync(Roles.Reporter);

        foreach (var path in new[] { "/admin", "/admin/users", $"/admin/users/{target.UserId}", "/admin/jobs", "/admin/ledger" })
        {
            var (response, html) = await pages.GetAsync(path, language);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"<h1>{SayWeb(language, "ForbiddenTitle")}</h1>", html, StringComparison.Ordinal);
            Assert.Contains(SayWeb(language, "Forbidden"), html, StringComparison.Ordinal);
            Assert.DoesNotContain(">" + SayWeb(language, "Administration") + "<", html, StringComparison.Ordinal);
        }
        var (posted, _) = await pages.PostAsync($"/admin/users/{target.UserId}", "disable", [("reason", "not yours to do")], language);
        Assert.True((int)posted.StatusCode is >= 400 and < 500, $"answered {posted.StatusCode}");
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var user = await admin.Client.GetNodeAsync($"/api/v1/users/{target.UserId}");
        Assert.False(user["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await target.Client.GetAsync("/api/v1/me/tokens")).StatusCode);
    }

    [Fact]
    public async Task A_page_never_takes_a_bearer_token_even_an_administrators()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith("/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_registered_on_the_page_is_the_APIs_and_on_the_record()
    {
        var (admin, pages) = await AdminAsync();
        var name = "Paged Bank " + Guid.NewGuid().ToString("N")[..8];

        var (created, _) = await pages.PostAsync("/admin/organisations", "organisation",
            [("name", name), ("sector", "banking"), ("country", "IN"), ("contact_name", "SOC desk"), ("contact_email", "soc@paged.example"), ("contact_phone", "+91 11 2436 8551")]);

        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        var id = OrganisationPage().Match(created.Headers.Location!.OriginalString).Groups[1].Value;
        var shown = await admin.Client.GetNodeAsync($"/api/v1/organisations/{id}");
        Assert.Equal(name, shown["name"]!.GetValue<string>());
        Assert.Equal("soc@paged.example", shown["point_of_contact"]!["email"]!.GetValue<string>());
        Assert.Contains((await admin.Client.GetNodeAsync("/api/v1/events?kind=organisation-created")).AsArray(),
            e => e!["object_id"]!.GetValue<string>() == id && e["actor_id"]!.GetValue<string>() == admin.UserId);
        var (_, page) = await pages.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Contains(Say("en", "Done_created"), page, StringComparison.Ordinal);
        Assert.Contains("soc@paged.example", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task An_organisation_the_API_would_refuse_is_refused_beside_its_boxes_and_nothing_is_written(string language)
    {
        var (admin, pages) = await AdminAsync();
        var before = (await admin.Client.GetNodeAsync("/api/v1/organisations")).AsArray().Count;
        var name = "Refused Bank " + Guid.NewGuid().ToString("N")[..8];

        var (response, html) = await pages.PostAsync("/admin/organisations", "organisation",
            [("name", name), ("sector", "banking"), ("country", "XX"), ("contact_name", "SOC desk")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"org-country\"[^>]*value=\"XX\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("<input id=\"org-point_of_contact-email\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("href=\"#org-country\"", html, StringComparison.Ordinal);
        Assert.Matches($"<input id=\"org-name\"[^>]*value=\"{name}\"", html);
        Assert.Equal(before, (await admin.Client.GetNodeAsync("/api/v1/organisations")).AsArray().Count);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_point_of_contact_changes_on_the_page_as_through_the_API(string language)
    {
        var (admin, pages) = await AdminAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/admin/organisations/{reporter.OrganisationId}";

        var (refused, html) = await pages.PostAsync(path, "contact", [("contact_name", "New Desk"), ("contact_email", "not an e-mail")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("<input id=\"contact-email\"[^>]*value=\"not an e-mail\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal("contact@example.org", (await admin.Client.GetNodeAsync($"/api/v1/organisations/{reporter.OrganisationId}"))["point_of_contact"]!["email"]!.GetValue<string>());

        var (changed, _) = await pages.PostAsync(path, "contact", [("contact_name", "New Desk"), ("contact_role", "CISO"), ("contact_email", "ciso@example.org")], language);
        Assert.Equal(HttpStatusCode.Found, changed.StatusCode);
        var contact = (await admin.Client.GetNodeAsync($"/api/v1/organisations/{reporter.OrganisationId}"))["point_of_contact"]!;
        Assert.Equal("New Desk", contact["name"]!.GetValue<string>());
        Assert.Equal("ciso@example.org", contact["email"]!.GetValue<string>());
        // On the record, where the organisation itself reads it; naming what changed, not the person.
        var seen = Assert.Single((await reporter.Client.GetNodeAsync($"/api/v1/events?kind={OrganisationAdministration.ContactChanged}")).AsArray())!;
        Assert.Equal(admin.UserId, seen["actor_id"]!.GetValue<string>());
        Assert.Equal(["name", "role", "email"], seen["details"]!["changed"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain("ciso@example.org", seen.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_changes_a_point_of_contact_from_a_strict_body_for_administrators_only()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/api/v1/organisations/{reporter.OrganisationId}/contact";

        var unknown = await Put(admin.Client, path, """{"name": "Desk", "email": "desk@example.org", "pager": "42"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("/pager", await unknown.ProblemPointersAsync());
        var missing = await Put(admin.Client, path, """{"name": "Desk"}""");
        Assert.Contains("/email", await missing.ProblemPointersAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(reporter.Client, path, """{"name": "Desk", "email": "desk@example.org"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Put(admin.Client, "/api/v1/organisations/no-such/contact", """{"name": "Desk", "email": "desk@example.org"}""")).StatusCode);

        var done = await Put(admin.Client, path, """{"name": "Desk", "email": "desk@example.org", "phone": "+91 11 2436 8551"}""");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("+91 11 2436 8551", (await done.JsonAsync())["point_of_contact"]!["phone"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_user_created_on_the_page_is_the_APIs_and_one_the_API_would_refuse_is_not_created(string language)
    {
        var (admin, pages) = await AdminAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var email = $"paged-{Guid.NewGuid():N}@example.org";

        var (refused, html) = await pages.PostAsync("/admin/users", "user", [("email", email), ("role", Roles.Reporter)], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("<select id=\"user-organisation_id\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("href=\"#user-organisation_id\"", html, StringComparison.Ordinal);
        Assert.Matches($"<input id=\"user-email\"[^>]*value=\"{email}\"", html);
        Assert.DoesNotContain((await admin.Client.GetNodeAsync("/api/v1/users")).AsArray(), u => u!["email"]!.GetValue<string>() == email);

        var (created, _) = await pages.PostAsync("/admin/users", "user",
            [("email", email), ("role", Roles.Reporter), ("organisation_id", reporter.OrganisationId!), ("password", People.Password)], language);
        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        var id = UserPage().Match(created.Headers.Location!.OriginalString).Groups[1].Value;
        var user = await admin.Client.GetNodeAsync($"/api/v1/users/{id}");
        Assert.Equal(email, user["email"]!.GetValue<string>());
        Assert.Equal(reporter.OrganisationId, user["organisation_id"]!.GetValue<string>());
        Assert.True(user["has_password"]!.GetValue<bool>());
        Assert.Contains((await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.UserCreated}")).AsArray(), e => e!["object_id"]!.GetValue<string>() == id);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_user_disabled_on_the_page_with_a_reason_is_refused_at_once_and_enabled_again(string language)
    {
        var (admin, pages) = await AdminAsync();
        var target = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/admin/users/{target.UserId}";

        var (refused, html) = await pages.PostAsync(path, "disable", [("reason", "")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("<textarea id=\"disable-reason\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("href=\"#disable-reason\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await target.Client.GetAsync("/api/v1/me/tokens")).StatusCode);

        var (disabled, _) = await pages.PostAsync(path, "disable", [("reason", "left the company")], language);
        Assert.Equal(HttpStatusCode.Found, disabled.StatusCode);
        Assert.True((await admin.Client.GetNodeAsync($"/api/v1/users/{target.UserId}"))["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await target.Client.GetAsync("/api/v1/me/tokens")).StatusCode);
        var recorded = (await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.UserDisabled}")).AsArray()
            .Single(e => e!["object_id"]!.GetValue<string>() == target.UserId)!;
        Assert.Equal("left the company", recorded["details"]!["reason"]!.GetValue<string>());
        var (_, shown) = await pages.GetAsync(disabled.Headers.Location!.OriginalString, language);
        Assert.Contains(Say(language, "Done_disabled"), shown, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Enable"), shown, StringComparison.Ordinal);

        var (enabled, _) = await pages.PostAsync(path, "enable", [], language);
        Assert.Equal(HttpStatusCode.Found, enabled.StatusCode);
        Assert.False((await admin.Client.GetNodeAsync($"/api/v1/users/{target.UserId}"))["disabled"]!.GetValue<bool>());
        Assert.Contains((await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.UserEnabled}")).AsArray(), e => e!["object_id"]!.GetValue<string>() == target.UserId);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_role_changes_on_the_page_as_through_the_API_and_a_bad_one_changes_nothing(string language)
    {
        var (admin, pages) = await AdminAsync();
        var target = await factory.CreateActorAsync(Roles.Analyst);
        var path = $"/admin/users/{target.UserId}";

        var (refused, html) = await pages.PostAsync(path, "role", [("role", Roles.Reporter)], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("<select id=\"role-organisation_id\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal(Roles.Analyst, (await admin.Client.GetNodeAsync($"/api/v1/users/{target.UserId}"))["role"]!.GetValue<string>());

        var (changed, _) = await pages.PostAsync(path, "role", [("role", Roles.Oversight)], language);
        Assert.Equal(HttpStatusCode.Found, changed.StatusCode);
        Assert.Equal(Roles.Oversight, (await admin.Client.GetNodeAsync($"/api/v1/users/{target.UserId}"))["role"]!.GetValue<string>());
        var recorded = (await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.RoleChanged}")).AsArray()
            .Single(e => e!["object_id"]!.GetValue<string>() == target.UserId)!;
        Assert.Equal(Roles.Oversight, recorded["details"]!["to_role"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_disabled_from_the_page()
    {
        // A fresh server: its only administrator is the one signed in.
        using var own = new VigilFactory();
        var admin = await own.CreateActorAsync(Roles.Admin);
        var pages = await PageReader.SignInAsync(own, admin.Token);

        var (refused, html) = await pages.PostAsync($"/admin/users/{admin.UserId}", "disable", [("reason", "leaving")]);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(Say("en", "LastAdmin"), html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task A_reset_code_is_shown_once_works_once_and_is_never_logged()
    {
        var (admin, pages) = await AdminAsync();
        var target = await People.CreateAsync(factory, Roles.Reporter);
        var path = $"/admin/users/{target.UserId}";

        var (issued, html) = await pages.PostAsync(path, "reset", []);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.True(issued.Headers.CacheControl!.NoStore);
        var code = ResetCode().Match(html).Groups[1].Value;
        Assert.True(code.Length >= 16, "the page shows the code");
        RunLog.AddSecret(code);
        var (_, again) = await pages.GetAsync(path);
        Assert.DoesNotContain(code, again, StringComparison.Ordinal);
        Assert.Contains((await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.PasswordResetIssued}")).AsArray(),
            e => e!["object_id"]!.GetValue<string>() == target.UserId && !e.ToJsonString().Contains(code, StringComparison.Ordinal));

        const string Chosen = "a new password from the reset code";
        RunLog.AddSecret(Chosen);
        var reset = await People.FromAnywhere(factory).PostJsonAsync("/api/v1/auth/password-reset", $$"""{"code": "{{code}}", "new_password": "{{Chosen}}"}""");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, target.Email, Chosen)).StatusCode);
        Assert.Empty(RunLog.FindLoggedSecrets());
    }

    [Fact]
    public async Task The_second_factor_sessions_and_a_token_are_ended_from_the_page_each_on_the_record()
    {
        var (admin, pages) = await AdminAsync();
        var target = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/admin/users/{target.UserId}";
        var second = await (await admin.Client.PostJsonAsync($"/api/v1/users/{target.UserId}/tokens", """{"name": "second"}""")).JsonAsync();
        var secondClient = People.Bearer(factory, second["token"]!.GetValue<string>());
        var (_, shown) = await pages.GetAsync(path);
        Assert.Contains(second["prefix"]!.GetValue<string>(), shown, StringComparison.Ordinal);

        var (revoked, _) = await pages.PostAsync(path, "revoke-" + second["id"]!.GetValue<string>(), []);
        Assert.Equal(HttpStatusCode.Found, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await secondClient.GetAsync("/api/v1/me/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await target.Client.GetAsync("/api/v1/me/tokens")).StatusCode);
        Assert.Contains((await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.TokenRevoked}")).AsArray(),
            e => e!["object_id"]!.GetValue<string>() == second["id"]!.GetValue<string>());

        var (totp, _) = await pages.PostAsync(path, "totp", []);
        Assert.Equal(HttpStatusCode.Found, totp.StatusCode);
        Assert.Contains((await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.TotpReset}")).AsArray(), e => e!["object_id"]!.GetValue<string>() == target.UserId);

        var targetPages = await PageReader.SignInAsync(factory, target.Token);
        var (ended, _) = await pages.PostAsync(path, "sessions", []);
        Assert.Equal(HttpStatusCode.Found, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await target.Client.GetAsync("/api/v1/me/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await targetPages.GetAsync("/account")).Response.StatusCode);
        var recorded = (await admin.Client.GetNodeAsync($"/api/v1/events?kind={AccountEvents.SessionsEnded}")).AsArray()
            .Single(e => e!["object_id"]!.GetValue<string>() == target.UserId)!;
        Assert.Equal(1, recorded["details"]!["page_sessions_ended"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_token_of_another_user_is_not_revoked_from_this_users_page()
    {
        var (_, pages) = await AdminAsync();
        var target = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var theirs = (await other.Client.GetNodeAsync("/api/v1/me/tokens")).AsArray()[0]!["id"]!.GetValue<string>();

        var (response, _) = await pages.PostAsync($"/admin/users/{target.UserId}", "revoke-" + theirs, []);

        // The page has no form for it (only this user's tokens have one): refused, and the token still works.
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"answered {response.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/v1/me/tokens")).StatusCode);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    [GeneratedRegex("/admin/organisations/([^?]+)\\?done=created")]
    private static partial Regex OrganisationPage();

    [GeneratedRegex("/admin/users/([^?]+)\\?done=created")]
    private static partial Regex UserPage();

    [GeneratedRegex("<input id=\"reset-code\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex ResetCode();
}
