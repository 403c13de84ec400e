using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Web;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Finding "headers": every answer carries a Content-Security-Policy, nosniff, no framing and a Referrer-Policy; HSTS
/// over HTTPS; no server banner; and an answer to a request that carried a credential is never kept by a shared
/// cache. The headers do not depend on the database, so this runs on SQLite only.
/// </summary>
public sealed partial class SecurityHeadersTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task Every_GET_answer_carries_the_headers_anonymously_and_signed_in()
    {
        var world = await SeededWorld.CreateAsync(factory);
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        var routes = RouteTable.Read(factory).Where(r => r.Method == "GET").ToList();
        foreach (var route in routes)
        {
            var path = world.Fill(route);
            var response = await anonymous.GetAsync(path);
            failures.AddRange(Missing(response).Select(m => $"GET {path} anonymously: {m}"));

            var signedIn = new HttpRequestMessage(HttpMethod.Get, path);
            if (SeededWorld.IsPage(route) || route.Pattern.StartsWith("/notes", StringComparison.Ordinal))
            {
                signedIn.Headers.Add("Cookie", $"vigil_session={world.Session}");
            }
            else
            {
                signedIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.As(SeededWorld.RolesAllowed(route).FirstOrDefault() ?? "reporter").Token);
            }
            response = await anonymous.SendAsync(signedIn);
            var credentialed = Missing(response).ToList();
            if (response.Headers.CacheControl is not { NoStore: true })
            {
                credentialed.Add($"Cache-Control is '{response.Headers.CacheControl}', not private, no-store");
            }
            failures.AddRange(credentialed.Select(m => $"GET {path} signed in: {m}"));
        }
        Assert.True(routes.Count > 50, $"only {routes.Count} GET routes were found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_API_allows_nothing_to_load_and_HSTS_is_sent_over_HTTPS_only()
    {
        var plain = await factory.CreateClient().GetAsync("/api/v1/regimes");
        Assert.Equal(SecurityHeaders.NothingPolicy, plain.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        var https = await factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/api/v1/regimes");
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.Equal("max-age=31536000", https.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_GREEN_note_page_shown_to_a_signed_in_reader_is_private()
    {
        var world = await SeededWorld.CreateAsync(factory);
        var green = await AffectedSamples.PublishAsync(world.Analyst.Client, NoteSamples.Minimal("A GREEN note", tlp: "GREEN"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/notes/{green}");
        request.Headers.Add("Cookie", $"vigil_session={world.Session}");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Contains("A GREEN note", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // no-store: no cache, shared or not, keeps any of it (the pages' antiforgery sets it; "private" would add nothing).
        Assert.True(response.Headers.CacheControl is { NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_note_pages_carry_the_pages_policy_and_no_inline_style_or_script()
    {
        var response = await factory.CreateClient().GetAsync("/notes");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(WebFeature.PagePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotMatch(StyleElement(), html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_the_pages_policy_and_a_page_with_a_form_is_never_cached()
    {
        var response = await factory.CreateClient().GetAsync("/sign-in");
        Assert.Equal(WebFeature.PagePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_server_does_not_announce_itself()
    {
        var server = new RunningServer();
        await server.InitializeAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            var response = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(", ", response.Headers.Server));
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static IEnumerable<string> Missing(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500) { yield return $"answered {(int)response.StatusCode}"; }
        if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || !csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            yield return "no Content-Security-Policy with frame-ancestors 'none'";
        }
        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || sniff.Single() != "nosniff") { yield return "no X-Content-Type-Options: nosniff"; }
        if (!response.Headers.TryGetValues("X-Frame-Options", out var frame) || frame.Single() != "DENY") { yield return "no X-Frame-Options: DENY"; }
        if (!response.Headers.Contains("Referrer-Policy")) { yield return "no Referrer-Policy"; }
        if (response.Headers.Contains("Strict-Transport-Security")) { yield return "HSTS over plain HTTP"; }
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
