using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class AdminChangesOnRecordOnSqliteTests(VigilFactory factory) : AdminChangesOnRecordTests<VigilFactory>(factory);

public sealed class AdminChangesOnRecordOnPostgresTests(PostgresVigilFactory factory) : AdminChangesOnRecordTests<PostgresVigilFactory>(factory);

/// <summary>
/// Finding "Admin acting as others leaves no trace": an admin could mint a token for any user and file as that user,
/// and no administrative change was on the record. Each is now an event, a leaf of the log, and the organisation it
/// concerns reads it.
/// </summary>
public abstract class AdminChangesOnRecordTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_token_an_admin_mints_for_a_reporter_is_on_the_record_for_the_reporters_organisation()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var elsewhere = await factory.CreateActorAsync(Roles.Reporter);

        var minted = await admin.Client.PostJsonAsync($"/api/v1/users/{reporter.UserId}/tokens", """{"name": "acting as you"}""");
        var token = (await minted.JsonAsync())["token"]!.GetValue<string>();
        await People.Bearer(factory, token).FileAsync(Api.Report("Filed with a token an admin minted"));

        var seen = await reporter.Client.GetNodeAsync("/api/v1/events?kind=token-issued");
        var issued = Assert.Single(seen.AsArray())!;
        Assert.Equal(admin.UserId, issued["actor_id"]!.GetValue<string>());
        Assert.Equal("admin", issued["actor_role"]!.GetValue<string>());
        Assert.Equal(reporter.OrganisationId, issued["organisation_id"]!.GetValue<string>());
        Assert.Equal(reporter.UserId, issued["details"]!["user_id"]!.GetValue<string>());
        Assert.Equal("acting as you", issued["details"]!["name"]!.GetValue<string>());
        Assert.Equal(token[..12], issued["details"]!["prefix"]!.GetValue<string>());
        Assert.NotNull(issued["details"]!["expires_at"]);
        Assert.DoesNotContain(token[ApiTokens.Marker.Length..], seen.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await elsewhere.Client.GetNodeAsync("/api/v1/events?kind=token-issued")).AsArray());

        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<LedgerAudit>().RunAsync(CancellationToken.None);
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.InRange(issued["leaf_index"]!.GetValue<long>(), 0, audit.Leaves - 1);
    }

    [Fact]
    public async Task Every_change_to_an_account_is_an_event_and_none_holds_a_secret()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var organisation = await admin.Client.PostJsonAsync("/api/v1/organisations", $$"""
            {"name": "Recorded {{Guid.NewGuid():N}}", "sector": "banking", "country": "IN",
             "point_of_contact": {"name": "Desk", "email": "desk@example.org"}
            }
            """);
        var organisationId = (await organisation.JsonAsync())["id"]!.GetValue<string>();
        var created = await admin.Client.PostJsonAsync("/api/v1/users", $$"""
            {"email": "recorded-{{Guid.NewGuid():N}}@example.org", "role": "reporter", "organisation_id": "{{organisationId}}", "password": "{{People.Password}}"}
            """);
        var user = await created.JsonAsync();
        var id = user["id"]!.GetValue<string>();
        var email = user["email"]!.GetValue<string>();
        var secrets = new List<string> { People.Password };

        var token = await (await admin.Client.PostJsonAsync($"/api/v1/users/{id}/tokens", """{"name": "desk"}""")).JsonAsync();
        secrets.Add(token["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/v1/tokens/{token["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostJsonAsync($"/api/v1/users/{id}/disable", """{"reason": "on leave"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
        var reset = await (await admin.Client.PostAsync($"/api/v1/users/{id}/password-reset", null)).JsonAsync();
        var code = reset["code"]!.GetValue<string>();
        secrets.Add(code);
        const string Reset = "a new password set with the code";
        secrets.Add(Reset);
        Assert.Equal(HttpStatusCode.NoContent, (await People.FromAnywhere(factory).PostJsonAsync("/api/v1/auth/password-reset",
            $$"""{"code": "{{code}}", "new_password": "{{Reset}}"}""")).StatusCode);
        var signedIn = People.Bearer(factory, await People.SignedInTokenAsync(factory, email, Reset));
        const string Changed = "and then changed by the user";
        secrets.Add(Changed);
        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.PostJsonAsync("/api/v1/me/password",
            $$"""{"current_password": "{{Reset}}", "new_password": "{{Changed}}"}""")).StatusCode);
        var enrolment = await (await signedIn.PostAsync("/api/v1/me/totp", null)).JsonAsync();
        var secret = Base32.Decode(enrolment["secret"]!.GetValue<string>());
        secrets.Add(enrolment["secret"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await signedIn.PostJsonAsync("/api/v1/me/totp/confirm",
            $$"""{"code": "{{Totp.Code(secret, Totp.StepAt(factory.Clock.GetUtcNow()))}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/v1/users/{id}/totp")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsync($"/api/v1/users/{id}/role",
            new StringContent("""{"role": "analyst"}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostJsonAsync($"/api/v1/users/{id}/sessions/end", "{}")).StatusCode);

        var events = (await admin.Client.GetNodeAsync($"/api/v1/events?object_id={id}")).AsArray();
        var tokenEvents = (await admin.Client.GetNodeAsync($"/api/v1/events?object_id={token["id"]}")).AsArray();
        var organisationEvents = (await admin.Client.GetNodeAsync($"/api/v1/events?object_id={organisationId}")).AsArray();
        Assert.Equal(
            ["user-created", "user-disabled", "user-enabled", "password-reset-issued", "password-reset-used", "password-changed",
             "totp-enabled", "totp-reset", "role-changed", "sessions-ended"],
            events.Select(e => e!["kind"]!.GetValue<string>()).Reverse());
        Assert.Equal(["token-issued", "token-revoked"], tokenEvents.Select(e => e!["kind"]!.GetValue<string>()).Reverse());
        Assert.Equal("organisation-created", Assert.Single(organisationEvents)!["kind"]!.GetValue<string>());
        Assert.Equal("on leave", events.Single(e => e!["kind"]!.GetValue<string>() == "user-disabled")!["details"]!["reason"]!.GetValue<string>());
        Assert.Equal(id, events.Single(e => e!["kind"]!.GetValue<string>() == "password-reset-used")!["actor_id"]!.GetValue<string>());
        var recorded = events.ToJsonString() + tokenEvents.ToJsonString();
        Assert.All(secrets, s => Assert.DoesNotContain(s, recorded, StringComparison.Ordinal));
    }
}
