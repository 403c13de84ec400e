using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only from a configured proxy: then each client has its own sign-in
/// allowance and a request that came over HTTPS gets a Secure cookie; otherwise nobody can choose either.
/// </summary>
public sealed class TrustedProxyTests
{
    [Fact]
    public Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_sign_in_allowance_and_https_is_believed() =>
        WithServerAsync(["--Proxies:Known:0=127.0.0.1"], async server =>
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        var antiforgery = await PageClient.AntiforgeryAsync(client, "/sign-in");

        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustAsync(client, antiforgery, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignIn(antiforgery, "vgl_wrong", "203.0.113.2"))).StatusCode);

        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var signedIn = await client.SendAsync(SignIn(antiforgery, reporter.Token, "203.0.113.3", proto: "https"));
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Contains("secure", Attributes(signedIn, WebSessions.SecureCookieName));
    });

    [Fact]
    public Task Without_a_configured_proxy_the_forwarded_headers_are_ignored() => WithServerAsync([], async server =>
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        var antiforgery = await PageClient.AntiforgeryAsync(client, "/sign-in");

        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var signedIn = await client.SendAsync(SignIn(antiforgery, reporter.Token, "203.0.113.3", proto: "https"));
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.DoesNotContain("secure", Attributes(signedIn, WebSessions.CookieName));

        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustAsync(client, antiforgery, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(SignIn(antiforgery, "vgl_wrong", "203.0.113.2"))).StatusCode);
    });

    // The session cookie's attributes, lower case, without their values: "path", "httponly", "secure", ...
    private static List<string> Attributes(HttpResponseMessage response, string name) =>
        [.. response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';').Skip(1)
            .Select(a => a.Split('=')[0].Trim().ToLowerInvariant())];

    private static async Task WithServerAsync(string[] arguments, Func<RunningServer, Task> body)
    {
        var server = new RunningServer { ExtraArguments = ["--RateLimits:SignIn:PermitLimit=10", .. arguments] };
        await server.InitializeAsync();
        try
        {
            await body(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // Wrong tokens until the allowance is spent; returns the status of the first refused attempt.
    private static async Task<HttpStatusCode> ExhaustAsync(HttpClient client, Antiforgery antiforgery, string forwardedFor)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var status = (await client.SendAsync(SignIn(antiforgery, "vgl_wrong", forwardedFor))).StatusCode;
            if (status != HttpStatusCode.Unauthorized) { return status; }
        }
        return HttpStatusCode.Unauthorized;
    }

    // The sign-in form as the page posts it (its name and antiforgery token), through a proxy that says who sent it.
    private static HttpRequestMessage SignIn(Antiforgery antiforgery, string token, string forwardedFor, string? proto = null)
    {
        var request = PageClient.WithCookies(new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("_handler", "sign-in"), new("__RequestVerificationToken", antiforgery.Token), new("Form.Token", token)]),
        }, antiforgery.Cookie);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null) { request.Headers.Add("X-Forwarded-Proto", proto); }
        return request;
    }
}
