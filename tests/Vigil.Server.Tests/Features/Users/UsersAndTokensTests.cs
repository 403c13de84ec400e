using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class UsersAndTokensTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task Tokens_are_stored_only_as_sha256_digests()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var db = factory.OpenDatabase();
        using var command = db.Command("SELECT token_hash, prefix FROM api_tokens WHERE user_id = @user", ("user", reporter.UserId));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reporter.Token)));
        Assert.Equal(expected, reader.GetString(0));
        Assert.StartsWith(reader.GetString(1), reporter.Token, StringComparison.Ordinal);
        Assert.Equal(12, reader.GetString(1).Length);
        Assert.False(reader.Read());

        // Nowhere in the database file is the secret itself.
        using (var checkpoint = db.Command("PRAGMA wal_checkpoint(TRUNCATE);"))
        {
            checkpoint.ExecuteNonQuery();
        }
        var bytes = await File.ReadAllBytesAsync(factory.DatabasePath);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(reporter.Token)));
    }

    [Fact]
    public async Task An_admin_creates_an_organisation_a_reporter_and_its_token_through_the_api()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var org = await admin.Client.PostJsonAsync("/api/v1/organisations", """
            {"name": "Example Messaging", "sector": "telecommunications", "country": "IN",
             "point_of_contact": {"name": "Grievance Officer", "role": "Security", "email": "security@example.org", "phone": "+91 11 5555 0100"}}
            """);
        Assert.Equal(HttpStatusCode.Created, org.StatusCode);
        var orgId = (await org.JsonAsync())["id"]!.GetValue<string>();

        var user = await admin.Client.PostJsonAsync("/api/v1/users", $$"""
            {"email": "Reporter@Example.org", "role": "reporter", "organisation_id": "{{orgId}}", "password": "correct horse battery"}
            """);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var userJson = await user.JsonAsync();
        Assert.Equal("reporter@example.org", userJson["email"]!.GetValue<string>());
        Assert.True(userJson["has_password"]!.GetValue<bool>());
        Assert.Null(userJson["password_hash"]);

        var token = await admin.Client.PostJsonAsync($"/api/v1/users/{userJson["id"]}/tokens", """{"name": "ci"}""");
        var secret = (await token.JsonAsync())["token"]!.GetValue<string>();
        var listed = await admin.Client.GetStringAsync($"/api/v1/users/{userJson["id"]}/tokens");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/incidents", Api.Report())).StatusCode);

        // Sign-in with the password gives another token; a wrong password gives none.
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/v1/auth/token", """{"email": "reporter@example.org", "password": "wrong password!!"}""")).StatusCode);
        var signIn = await anonymous.PostJsonAsync("/api/v1/auth/token", """{"email": "reporter@example.org", "password": "correct horse battery"}""");
        Assert.Equal(HttpStatusCode.Created, signIn.StatusCode);
        Assert.StartsWith("vgl_", (await signIn.JsonAsync())["token"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_no_longer_works()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var tokens = await analyst.Client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var id = (await admin.Client.GetNodeAsync($"/api/v1/users/{analyst.UserId}/tokens"))[0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.Client.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await analyst.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Bad_user_requests_name_each_field()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var response = await admin.Client.PostJsonAsync("/api/v1/users", """{"email": "x", "role": "superuser", "password": "short"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["/email", "/role", "/password"], await response.ProblemPointersAsync());
        var reporterWithoutOrg = await admin.Client.PostJsonAsync("/api/v1/users", """{"email": "r@example.org", "role": "reporter"}""");
        Assert.Equal(["/organisation_id"], await reporterWithoutOrg.ProblemPointersAsync());
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.PostJsonAsync("/api/v1/users", """{"email": "r@example.org", "role": "admin"}""")).StatusCode);
    }

    [Fact]
    public async Task The_first_start_creates_one_admin_with_a_working_token_and_only_once()
    {
        await using var fresh = new VigilFactory();
        _ = fresh.Server;
        await using var scope = fresh.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var first = await accounts.InitialiseAsync("root@example.org", CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await accounts.InitialiseAsync("again@example.org", CancellationToken.None));
        var client = fresh.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.Value.Token);
        var me = await client.GetNodeAsync("/api/v1/me");
        Assert.Equal("admin", me["role"]!.GetValue<string>());
        Assert.False(me["has_password"]!.GetValue<bool>());
    }
}
