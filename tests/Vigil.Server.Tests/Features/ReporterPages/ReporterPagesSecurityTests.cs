using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>The page session: its cookie, its stored digest, CSRF and origin checks, the CSP, and escaping.</summary>
public sealed class ReporterPagesSecurityTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private const string Origin = "http://localhost";

    private const int InventoryBodyLimit = Vigil.Server.Features.Affected.InventoryBody.MaxBytes;

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_Strict_cookie_whose_secret_is_stored_only_as_a_digest()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);

        var (response, secret) = await SignInAsync(reporter.Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/inventory", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        await using var connection = factory.OpenDatabase();
        var stored = Assert.Single(connection.Strings("SELECT secret_hash FROM web_sessions WHERE user_id = @user", ("@user", reporter.UserId)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored);
        Assert.NotEqual(secret, stored);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_cookie_can_be_made_Secure()
    {
        using var secure = factory.WithWebHostBuilder(b => b.UseSetting("ReporterPages:SecureCookie", "true"));
        var reporter = await Seed.UserAsync(secure.Services, Roles.Reporter);
        var client = secure.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var response = await client.SendAsync(SignInRequest(reporter.Token, Origin));

        Assert.Contains("; secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://attacker.example")]
    public async Task A_sign_in_posted_from_another_site_is_refused(string? origin)
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);

        var response = await Client().SendAsync(SignInRequest(reporter.Token, origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_upload_without_the_sessions_CSRF_token_or_from_another_site_changes_nothing()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var (_, secret) = await SignInAsync(reporter.Token);
        var path = $"/organisations/{reporter.OrganisationId}/inventory";
        var token = await CsrfTokenAsync(path, secret);

        foreach (var (csrf, origin) in new[] { ("", Origin), ("forged", Origin), (token, "https://attacker.example") })
        {
            var refused = await Client().SendAsync(Upload(path, secret, csrf, origin));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Contains("No inventory yet", await (await Client().SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, path), secret))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await Client().SendAsync(Upload(path, secret, token, Origin));
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_in_the_database_so_the_old_cookie_opens_nothing()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var (_, secret) = await SignInAsync(reporter.Token);
        var token = await CsrfTokenAsync($"/organisations/{reporter.OrganisationId}/inventory", secret);

        var signOut = WithCookie(new HttpRequestMessage(HttpMethod.Post, "/sign-out") { Content = new FormUrlEncodedContent([new("csrf", token)]) }, secret);
        signOut.Headers.Add("Origin", Origin);
        Assert.Equal(HttpStatusCode.SeeOther, (await Client().SendAsync(signOut)).StatusCode);

        var again = await Client().SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, $"/organisations/{reporter.OrganisationId}/inventory"), secret));
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal("/sign-in", again.Headers.Location!.OriginalString);
        await using var connection = factory.OpenDatabase();
        Assert.Equal(1, connection.Count("SELECT COUNT(*) FROM web_sessions WHERE user_id = @user AND revoked_at IS NOT NULL", ("@user", reporter.UserId)));
    }

    [Fact]
    public async Task Pages_carry_a_strict_CSP_escape_what_the_inventory_says_and_the_cookie_does_not_open_the_API()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var hostile = """{"products": [{"product": "<script>alert(1)</script>", "version": "1\" onmouseover=\"x"}]}""";
        await reporter.Client.PutAsync($"/api/v1/organisations/{reporter.OrganisationId}/inventory", new StringContent(hostile, Encoding.UTF8, "application/json"));
        var (_, secret) = await SignInAsync(reporter.Token);

        var page = await Client().SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, $"/organisations/{reporter.OrganisationId}/inventory"), secret));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("1&quot; onmouseover=&quot;x", html, StringComparison.Ordinal);

        var api = await Client().SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organisations/{reporter.OrganisationId}/inventory"), secret));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_signs_nobody_in_and_pages_send_the_signed_out_to_the_form()
    {
        var response = await Client().SendAsync(SignInRequest("vgl_not-a-token", Origin));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));

        var page = await Client().GetAsync("/inventory");
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal("/sign-in", page.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/sign-in", "multipart/form-data", "no boundary", 400)]
    [InlineData("/sign-in", "multipart/form-data; boundary=x", "--x\r\ncut short", 400)]
    [InlineData("/sign-in", "application/x-www-form-urlencoded", "many fields", 400)]
    [InlineData("/sign-in", "application/x-www-form-urlencoded", "one enormous field", 400)]
    [InlineData("/sign-out", "multipart/form-data", "no boundary", 400)]
    [InlineData("inventory", "multipart/form-data; boundary=x", "--x\r\ncut short", 400)]
    [InlineData("inventory", "application/x-www-form-urlencoded", "one enormous field", 400)]
    public async Task A_form_that_cannot_be_read_is_a_4xx_page_not_a_500(string path, string contentType, string body, int status)
    {
        // A host of its own and a session made directly: the sign-in rate limit is for people, not for this table of cases.
        using var host = factory.WithWebHostBuilder(_ => { });
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var secret = await SessionAsync(reporter.UserId);
        var bytes = body switch
        {
            "many fields" => Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=1"))),
            "one enormous field" => new byte[InventoryBodyLimit + 1024],
            _ => Encoding.ASCII.GetBytes(body),
        };
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = WithCookie(new HttpRequestMessage(HttpMethod.Post, path == "inventory" ? $"/organisations/{reporter.OrganisationId}/inventory" : path) { Content = content }, secret);
        request.Headers.Add("Origin", Origin);

        var response = await host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    private async Task<string> CsrfTokenAsync(string path, string secret)
    {
        var html = await (await Client().SendAsync(WithCookie(new HttpRequestMessage(HttpMethod.Get, path), secret))).Content.ReadAsStringAsync();
        return html[(html.IndexOf("name=\"csrf\" value=\"", StringComparison.Ordinal) + 19)..].Split('"')[0];
    }

    private async Task<string> SessionAsync(string userId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var issued = WebSessions.Issue(userId, null, factory.Clock.GetUtcNow(), TimeSpan.FromHours(1));
        db.WebSessions.Add(issued.Entity);
        await db.SaveChangesAsync();
        return issued.Secret;
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<(HttpResponseMessage Response, string Secret)> SignInAsync(string token)
    {
        var response = await Client().SendAsync(SignInRequest(token, Origin));
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Single() : "";
        return (response, cookie.Split(';')[0].Split('=', 2)[1]);
    }

    private static HttpRequestMessage SignInRequest(string token, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = new FormUrlEncodedContent([new("token", token)]) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string secret)
    {
        request.Headers.Add("Cookie", $"{WebSessions.CookieName}={secret}");
        return request;
    }

    private static HttpRequestMessage Upload(string path, string secret, string csrf, string origin)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(AffectedSamples.Sbom("1.6")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = WithCookie(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { file, "sbom", "sbom.json" } },
        }, secret);
        request.Headers.Add("Origin", origin);
        return request;
    }
}
