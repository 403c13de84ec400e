using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class AccessCanBeTakenAwayOnSqliteTests(VigilFactory factory) : AccessCanBeTakenAwayTests<VigilFactory>(factory);

public sealed class AccessCanBeTakenAwayOnPostgresTests(PostgresVigilFactory factory) : AccessCanBeTakenAwayTests<PostgresVigilFactory>(factory);

/// <summary>
/// Finding "Access cannot be taken away": after all its tokens were revoked a user still got a new one with its
/// password, and a page session opened with the password stayed valid for its 8 hours. Disabling a user and ending
/// all its sessions now take every way in away on the next request.
/// </summary>
public abstract class AccessCanBeTakenAwayTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Revoking_every_token_leaves_the_password_but_ending_all_sessions_ends_tokens_and_page_sessions_at_once()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        var page = People.InventoryPage(reporter);
        var session = await People.PageSessionAsync(factory, reporter.Email, reporter.Password);
        var signedIn = People.Bearer(factory, await People.SignedInTokenAsync(factory, reporter.Email, reporter.Password));
        Assert.Equal(HttpStatusCode.OK, (await People.PageAsync(factory, page, session)).StatusCode);

        var ended = await admin.Client.PostJsonAsync($"/api/v1/users/{reporter.UserId}/sessions/end", "{}");

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var counts = await ended.JsonAsync();
        Assert.Equal(1, counts["sessions_ended"]!.GetValue<int>());
        Assert.Equal(2, counts["tokens_ended"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await reporter.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/v1/me")).StatusCode);
        await People.AssertSessionEndedAsync(factory, page, session);
    }

    [Fact]
    public async Task A_user_ends_its_own_sessions_and_tokens_the_asking_one_included()
    {
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        var session = await People.PageSessionAsync(factory, reporter.Email, reporter.Password);
        var signedIn = People.Bearer(factory, await People.SignedInTokenAsync(factory, reporter.Email, reporter.Password));

        Assert.Equal(HttpStatusCode.OK, (await signedIn.PostJsonAsync("/api/v1/me/sessions/end", "{}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reporter.Client.GetAsync("/api/v1/me")).StatusCode);
        await People.AssertSessionEndedAsync(factory, People.InventoryPage(reporter), session);
    }

    [Fact]
    public async Task Disabling_a_user_refuses_its_tokens_page_sessions_and_password_on_the_next_request()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        var page = People.InventoryPage(reporter);
        var session = await People.PageSessionAsync(factory, reporter.Email, reporter.Password);
        var signedIn = People.Bearer(factory, await People.SignedInTokenAsync(factory, reporter.Email, reporter.Password));
        var wrongApi = await People.SignInAsync(factory, reporter.Email, "not the password at all");
        var wrongPage = await People.PageSignInAsync(factory, ("email", reporter.Email), ("password", "not the password at all"));

        var disabled = await admin.Client.PostJsonAsync($"/api/v1/users/{reporter.UserId}/disable", """{"reason": "left the company"}""");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.JsonAsync())["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await reporter.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/v1/me")).StatusCode);
        await People.AssertSessionEndedAsync(factory, page, session);
        // The right password now gets exactly the answer a wrong one gets, on the API and on the page.
        var api = await People.SignInAsync(factory, reporter.Email, reporter.Password);
        Assert.Equal(wrongApi.StatusCode, api.StatusCode);
        Assert.Equal(WithoutTraceId(await wrongApi.JsonAsync()), WithoutTraceId(await api.JsonAsync()));
        var form = await People.PageSignInAsync(factory, ("email", reporter.Email), ("password", reporter.Password));
        Assert.Equal(wrongPage.StatusCode, form.StatusCode);
        Assert.Equal(PageForms.WithoutAntiforgery(await wrongPage.Content.ReadAsStringAsync()), PageForms.WithoutAntiforgery(await form.Content.ReadAsStringAsync()));
        Assert.False(form.Headers.Contains("Set-Cookie"));
        var listed = (await admin.Client.GetNodeAsync("/api/v1/users")).AsArray().Single(u => u!["id"]!.GetValue<string>() == reporter.UserId)!;
        Assert.True(listed["disabled"]!.GetValue<bool>());
        Assert.NotNull(listed["disabled_at"]);

        var enabled = await admin.Client.PostAsync($"/api/v1/users/{reporter.UserId}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.False((await enabled.JsonAsync())["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(factory, reporter.Email, reporter.Password)).StatusCode);
        // The page session ended for good: enabling the user does not bring it back.
        await People.AssertSessionEndedAsync(factory, page, session);
    }

    private static string WithoutTraceId(System.Text.Json.Nodes.JsonNode problem)
    {
        problem.AsObject().Remove("trace_id");
        return problem.ToJsonString();
    }

    [Fact]
    public async Task Disabling_needs_a_reason_and_only_an_admin_may()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        Assert.Equal(["/reason"], await (await admin.Client.PostJsonAsync($"/api/v1/users/{analyst.UserId}/disable", "{}")).ProblemPointersAsync());
        Assert.Equal(["/reason"], await (await admin.Client.PostJsonAsync($"/api/v1/users/{analyst.UserId}/disable", """{"reason": ""}""")).ProblemPointersAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PostJsonAsync("/api/v1/users/nobody/disable", """{"reason": "x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Client.PostJsonAsync($"/api/v1/users/{admin.UserId}/disable", """{"reason": "x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_next_request()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync("/api/v1/users")).StatusCode);

        var changed = await admin.Client.PutAsync($"/api/v1/users/{reporter.UserId}/role",
            new StringContent("""{"role": "admin"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var user = await changed.JsonAsync();
        Assert.Equal("admin", user["role"]!.GetValue<string>());
        Assert.Null(user["organisation_id"]);
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal("admin", (await reporter.Client.GetNodeAsync("/api/v1/me"))["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_role_needs_an_organisation_exactly_when_it_is_reporter()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        async Task<string[]> Refused(string body) =>
            await (await admin.Client.PutAsync($"/api/v1/users/{analyst.UserId}/role",
                new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ProblemPointersAsync();

        Assert.Equal(["/organisation_id"], await Refused("""{"role": "reporter"}"""));
        Assert.Equal(["/organisation_id"], await Refused($$"""{"role": "oversight", "organisation_id": "{{reporter.OrganisationId}}"}"""));
        Assert.Equal(["/organisation_id"], await Refused("""{"role": "reporter", "organisation_id": "no-such-organisation"}"""));
        Assert.Equal(["/role"], await Refused("""{"role": "root"}"""));

        var moved = await admin.Client.PutAsync($"/api/v1/users/{analyst.UserId}/role",
            new StringContent($$"""{"role": "reporter", "organisation_id": "{{reporter.OrganisationId}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(reporter.OrganisationId, (await analyst.Client.GetNodeAsync("/api/v1/me"))["organisation_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_disabled_nor_demoted()
    {
        await using var fresh = new TFactory();
        var admin = await fresh.CreateActorAsync(Roles.Admin);
        var json = new StringContent("""{"role": "analyst"}""", System.Text.Encoding.UTF8, "application/json");

        var disable = await admin.Client.PostJsonAsync($"/api/v1/users/{admin.UserId}/disable", """{"reason": "leaving"}""");
        var demote = await admin.Client.PutAsync($"/api/v1/users/{admin.UserId}/role", json);

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal("urn:vigil:problem:last-admin", (await disable.JsonAsync())["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        // With a second admin, the first may go.
        var second = await fresh.CreateActorAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.PostJsonAsync($"/api/v1/users/{admin.UserId}/disable", """{"reason": "leaving"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await second.Client.PostJsonAsync($"/api/v1/users/{second.UserId}/disable", """{"reason": "leaving"}""")).StatusCode);
    }
}
