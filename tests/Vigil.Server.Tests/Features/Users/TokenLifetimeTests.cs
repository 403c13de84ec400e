using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class TokenLifetimeOnSqliteTests(VigilFactory factory) : TokenLifetimeTests<VigilFactory>(factory);

public sealed class TokenLifetimeOnPostgresTests(PostgresVigilFactory factory) : TokenLifetimeTests<PostgresVigilFactory>(factory);

/// <summary>
/// Every token ends: issued ones after 90 days unless asked otherwise (never beyond 365), and the bootstrap token
/// after a day, or as soon as another administrator can sign in (finding "Secrets at rest": it never expired).
/// </summary>
public abstract class TokenLifetimeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_token_issued_without_an_expiry_lasts_90_days_and_none_may_last_beyond_365()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var now = factory.Clock.GetUtcNow();

        var plain = await admin.Client.PostJsonAsync($"/api/v1/users/{analyst.UserId}/tokens", """{"name": "plain"}""");
        var longest = await admin.Client.PostJsonAsync($"/api/v1/users/{analyst.UserId}/tokens",
            $$"""{"name": "longest", "expires_at": "{{now.AddDays(364):yyyy-MM-ddTHH:mm:ssK}}"}""");
        var beyond = await admin.Client.PostJsonAsync($"/api/v1/users/{analyst.UserId}/tokens",
            $$"""{"name": "beyond", "expires_at": "{{now.AddDays(366):yyyy-MM-ddTHH:mm:ssK}}"}""");

        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.Equal(now.AddDays(90), (await plain.JsonAsync())["expires_at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.StatusCode);
        Assert.Equal(["/expires_at"], await beyond.ProblemPointersAsync());
    }

    [Fact]
    public async Task A_sign_in_token_lasts_12_hours()
    {
        var reporter = await People.CreateAsync(factory, Roles.Reporter);
        var token = await (await People.SignInAsync(factory, reporter.Email, reporter.Password)).JsonAsync();
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(12), token["expires_at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_bootstrap_token_expires_after_its_configured_time()
    {
        await using var fresh = new TFactory();
        using var configured = fresh.WithWebHostBuilder(b => b.UseSetting("Accounts:BootstrapTokenLifetime", "02:00:00"));
        var bootstrap = await InitialiseAsync(configured.Services);
        var client = People.Bearer(fresh, bootstrap);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);

        fresh.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users")).StatusCode);
        await using var db = fresh.OpenDatabase();
        Assert.Equal(1, db.Count("SELECT COUNT(*) FROM api_tokens WHERE is_bootstrap = @yes", ("yes", true)));
    }

    [Fact]
    public async Task The_bootstrap_token_stops_once_another_enabled_admin_can_sign_in()
    {
        await using var fresh = new TFactory();
        var bootstrap = People.Bearer(fresh, await InitialiseAsync(fresh.Services));
        var created = await bootstrap.PostJsonAsync("/api/v1/users", """{"email": "second@example.org", "role": "admin"}""");
        var second = (await created.JsonAsync())["id"]!.GetValue<string>();
        // The second admin cannot sign in yet (no password, no token): the bootstrap token still works, to give it one.
        var issued = await bootstrap.PostJsonAsync($"/api/v1/users/{second}/tokens", """{"name": "second admin"}""");
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bootstrap.GetAsync("/api/v1/users")).StatusCode);
        var secondClient = People.Bearer(fresh, (await issued.JsonAsync())["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_token_stops_at_once_when_an_admin_is_created_with_a_password()
    {
        await using var fresh = new TFactory();
        var bootstrap = People.Bearer(fresh, await InitialiseAsync(fresh.Services));

        var created = await bootstrap.PostJsonAsync("/api/v1/users", $$"""{"email": "second@example.org", "role": "admin", "password": "{{People.Password}}"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bootstrap.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await People.SignInAsync(fresh, "second@example.org", People.Password)).StatusCode);
    }

    private static async Task<string> InitialiseAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var first = await scope.ServiceProvider.GetRequiredService<UserAccounts>().InitialiseAsync("root@example.org", CancellationToken.None);
        return first!.Value.Token;
    }
}
