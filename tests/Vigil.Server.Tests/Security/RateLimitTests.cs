using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Finding "anonymous heavy endpoints have no rate limit": every caller has a budget (its user when signed in, its
/// address when not), sign-in, submissions and "am I affected?" have tighter ones, and going over is 429 problem+json
/// with Retry-After. Each test starts a server with low limits of its own; all in-process requests share one address.
/// </summary>
public sealed class RateLimitTests
{
    private const string Products = """{"products": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100"}]}""";

    [Fact]
    public async Task Token_use_is_limited_per_user()
    {
        using var factory = new LimitedFactory(("TokenUse", 3));
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);

        for (var i = 0; i < 3; i++) { Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/api/v1/me")).StatusCode); }
        await AssertLimitedAsync(await reporter.Client.GetAsync("/api/v1/incidents"));
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Reports_and_updates_are_limited_per_user()
    {
        using var factory = new LimitedFactory(("Submissions", 2));
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var colleague = await factory.CreateActorAsync(Roles.Reporter, reporter.OrganisationId);

        var id = await reporter.Client.FileAsync(Api.Report());
        Assert.Equal(HttpStatusCode.Created, (await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"narrative": "More."}""")).StatusCode);
        await AssertLimitedAsync(await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"narrative": "Even more."}"""));
        await AssertLimitedAsync(await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report()));

        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await colleague.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"narrative": "From a colleague."}""")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_requests_are_limited_per_address_and_a_failed_token_counts_as_anonymous()
    {
        using var factory = new LimitedFactory(("Anonymous", 3));
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/ledger/checkpoint")).StatusCode);
        var guess = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
        guess.Headers.Authorization = new("Bearer", "vgl_guessed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(guess)).StatusCode);
        await AssertLimitedAsync(await anonymous.GetAsync("/api/v1/notes"));

        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/api/v1/notes")).StatusCode);
    }

    [Fact]
    public async Task Am_I_affected_has_a_tight_limit_of_its_own()
    {
        using var factory = new LimitedFactory(("Heavy", 2));
        var anonymous = factory.CreateClient();

        for (var i = 0; i < 2; i++) { Assert.Equal(HttpStatusCode.OK, (await anonymous.PostJsonAsync("/api/v1/affected", Products)).StatusCode); }
        await AssertLimitedAsync(await anonymous.PostJsonAsync("/api/v1/affected", Products));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/notes")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_limited_per_address()
    {
        using var factory = new LimitedFactory(("SignIn", 2));
        var client = factory.CreateClient();
        const string Wrong = """{"email": "nobody@example.org", "password": "not the password"}""";

        for (var i = 0; i < 2; i++) { Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/auth/token", Wrong)).StatusCode); }
        await AssertLimitedAsync(await client.PostJsonAsync("/api/v1/auth/token", Wrong));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget_and_an_IPv6_client_counts_by_its_64()
    {
        var server = new RunningServer { ExtraArguments = ["--Proxies:Known:0=127.0.0.1", "--RateLimits:Heavy:PermitLimit=1"] };
        await server.InitializeAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            Task<HttpResponseMessage> Check(string forwardedFor)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/affected") { Content = new StringContent(Products, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Forwarded-For", forwardedFor);
                return client.SendAsync(request);
            }

            Assert.Equal(HttpStatusCode.OK, (await Check("203.0.113.1")).StatusCode);
            await AssertLimitedAsync(await Check("203.0.113.1"));
            Assert.Equal(HttpStatusCode.OK, (await Check("203.0.113.2")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Check("2001:db8::1")).StatusCode);
            await AssertLimitedAsync(await Check("2001:db8::ffff:2"));
            Assert.Equal(HttpStatusCode.OK, (await Check("2001:db8:0:1::1")).StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public void A_limit_that_allows_nothing_stops_the_start_naming_it()
    {
        using var factory = new LimitedFactory(("Heavy", 0));
        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("RateLimits:Heavy:PermitLimit", failure.Message, StringComparison.Ordinal);
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:vigil:problem:rate-limited", (await response.JsonAsync())["type"]!.GetValue<string>());
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 3600);
    }

    /// <summary>The server with some limits low (the others as generous as every test's), over a window no test outlasts.</summary>
    private sealed class LimitedFactory(params (string Limit, int Permits)[] limits) : VigilFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (limit, permits) in limits)
            {
                builder.UseSetting($"RateLimits:{limit}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting($"RateLimits:{limit}:Window", "01:00:00");
            }
        }
    }
}
