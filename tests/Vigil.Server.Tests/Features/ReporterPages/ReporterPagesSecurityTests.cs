using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Web;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.ReporterPages.PageClient;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>The page session (its cookie and stored digest), the framework's antiforgery on every form, the CSP, and escaping.</summary>
public sealed class ReporterPagesSecurityTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private const string Attacker = "https://attacker.example";

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_Strict_cookie_whose_secret_is_stored_only_as_a_digest()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);

        var response = await PageForms.SignInAsync(Client(), ("token", reporter.Token));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var cookie = SessionCookie(response, WebSessions.CookieName);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        var secret = PageForms.SessionOf(response);
        await using var connection = factory.OpenDatabase();
        var stored = Assert.Single(connection.Strings("SELECT secret_hash FROM web_sessions WHERE user_id = @user", ("@user", reporter.UserId)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored);
        Assert.NotEqual(secret, stored);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_cookie_can_be_made_Secure_with_the_Host_prefix()
    {
        using var secure = factory.WithWebHostBuilder(b => b.UseSetting("ReporterPages:SecureCookie", "true"));
        var reporter = await Seed.UserAsync(secure.Services, Roles.Reporter);
        var client = secure.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var response = await PageForms.SignInAsync(client, ("token", reporter.Token));

        var cookie = SessionCookie(response, WebSessions.SecureCookieName);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_opens_no_session()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var antiforgery = await AntiforgeryAsync(Client(), "/sign-in");

        // Another site's page can make the browser post, but it cannot read the antiforgery token of Vigil's page.
        foreach (var (token, cookie) in new[] { ((string?)null, (string?)null), (null, antiforgery.Cookie), ("forged", antiforgery.Cookie) })
        {
            var fields = new List<KeyValuePair<string, string>> { new("_handler", "sign-in"), new("Form.Token", reporter.Token) };
            if (token is not null) { fields.Add(new("__RequestVerificationToken", token)); }
            var request = WithCookies(new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = new FormUrlEncodedContent(fields) }, cookie);
            request.Headers.Add("Origin", Attacker);

            var response = await Client().SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(HasSessionCookie(response));
        }
        await using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.Count("SELECT COUNT(*) FROM web_sessions WHERE user_id = @user", ("@user", reporter.UserId)));
    }

    [Fact]
    public async Task An_upload_without_the_pages_antiforgery_token_or_from_another_site_changes_nothing()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var other = await Seed.UserAsync(factory.Services, Roles.Reporter, reporter.OrganisationId);
        var session = Session(await SignInAsync(Client(), reporter.Token));
        var otherSession = Session(await SignInAsync(Client(), other.Token));
        var path = InventoryPath(reporter.OrganisationId);
        var antiforgery = await AntiforgeryAsync(Client(), path, session);
        var othersToken = await AntiforgeryAsync(Client(), path, otherSession);
        var sbom = AffectedSamples.Sbom("1.6");

        // No token; a forged one; another person's (bound to that person); and, as a browser sends a post another site
        // started, without the SameSite=Strict session cookie.
        var refused = new[]
        {
            Upload(path, sbom, null, antiforgery.Cookie, session),
            Upload(path, sbom, antiforgery with { Token = "forged" }, session),
            Upload(path, sbom, othersToken, session),
            Upload(path, sbom, antiforgery),
        };
        foreach (var request in refused)
        {
            request.Headers.Add("Origin", Attacker);
            var response = await Client().SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest || IsSignInRedirect(response), $"answered {(int)response.StatusCode}");
        }
        Assert.Contains("No inventory yet", await (await GetAsync(Client(), path, session)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var connection = factory.OpenDatabase())
        {
            Assert.Equal(0, connection.Count("SELECT COUNT(*) FROM inventory_items WHERE organisation_id = @o", ("@o", reporter.OrganisationId!)));
        }

        var accepted = await Client().SendAsync(Upload(path, sbom, antiforgery, session));
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(path, accepted.Headers.Location!.OriginalString);
        Assert.Equal("no-store", accepted.Headers.CacheControl!.ToString());
        Assert.Contains("Field phone image", await (await GetAsync(Client(), path, session)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_in_the_database_so_the_old_cookie_opens_nothing()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var session = Session(await SignInAsync(Client(), reporter.Token));
        var path = InventoryPath(reporter.OrganisationId);
        var antiforgery = await AntiforgeryAsync(Client(), path, session);

        var forged = WithCookies(new HttpRequestMessage(HttpMethod.Post, "/sign-out") { Content = new FormUrlEncodedContent([]) }, antiforgery.Cookie, session);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client().SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Client(), path, session)).StatusCode);

        var signOut = WithCookies(new HttpRequestMessage(HttpMethod.Post, "/sign-out")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery.Token)]),
        }, antiforgery.Cookie, session);
        Assert.Equal(HttpStatusCode.SeeOther, (await Client().SendAsync(signOut)).StatusCode);

        Assert.True(IsSignInRedirect(await GetAsync(Client(), path, session)));
        await using var connection = factory.OpenDatabase();
        Assert.Equal(1, connection.Count("SELECT COUNT(*) FROM web_sessions WHERE user_id = @user AND revoked_at IS NOT NULL", ("@user", reporter.UserId)));
    }

    [Fact]
    public async Task Pages_carry_the_strict_CSP_escape_what_the_inventory_says_and_the_cookie_does_not_open_the_API()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var hostile = """{"products": [{"product": "<script>alert(1)</script>", "vendor": "<img src=x onerror=alert(2)>", "version": "1\" onmouseover=\"x"}]}""";
        var put = await reporter.Client.PutAsync($"/api/v1/organisations/{reporter.OrganisationId}/inventory", new StringContent(hostile, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var session = Session(await SignInAsync(Client(), reporter.Token));

        var page = await GetAsync(Client(), InventoryPath(reporter.OrganisationId), session);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(WebFeature.PagePolicy, csp);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("1&quot; onmouseover=&quot;x", html, StringComparison.Ordinal);

        var api = await GetAsync(Client(), $"/api/v1/organisations/{reporter.OrganisationId}/inventory", session);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_signs_nobody_in_and_pages_send_the_signed_out_to_the_form()
    {
        var response = await PageForms.SignInAsync(Client(), ("token", "vgl_not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(HasSessionCookie(response));

        foreach (var path in new[] { "/inventory", InventoryPath(Guid.NewGuid().ToString()) })
        {
            Assert.True(IsSignInRedirect(await Client().GetAsync(path)), path);
        }
    }

    [Theory]
    [InlineData("/sign-in", "multipart/form-data", "no boundary")]
    [InlineData("/sign-in", "multipart/form-data; boundary=x", "--x\r\ncut short")]
    [InlineData("/sign-in", "application/x-www-form-urlencoded", "many fields")]
    [InlineData("/sign-in", "application/x-www-form-urlencoded", "one enormous field")]
    [InlineData("/sign-out", "multipart/form-data", "no boundary")]
    [InlineData("inventory", "multipart/form-data", "no boundary")]
    [InlineData("inventory", "multipart/form-data; boundary=x", "--x\r\ncut short")]
    [InlineData("inventory", "application/x-www-form-urlencoded", "many fields")]
    [InlineData("inventory", "application/x-www-form-urlencoded", "one enormous field")]
    public async Task A_form_that_cannot_be_read_is_a_4xx_page_not_a_500(string path, string contentType, string body)
    {
        // A session made directly: the sign-in rate limit is for people, not for this table of cases.
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var secret = await SessionAsync(reporter.UserId);
        var bytes = body switch
        {
            "many fields" => Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=1"))),
            "one enormous field" => Encoding.ASCII.GetBytes("f=" + new string('a', 8 * 1024 * 1024)),
            _ => Encoding.ASCII.GetBytes(body),
        };
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = WithCookies(new HttpRequestMessage(HttpMethod.Post, path == "inventory" ? InventoryPath(reporter.OrganisationId) : path) { Content = content }, Session(secret));

        var response = await Client().SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.False(HasSessionCookie(response));
        await using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.Count("SELECT COUNT(*) FROM organisation_inventories WHERE organisation_id = @o", ("@o", reporter.OrganisationId!)));
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

    private static string SessionCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static bool HasSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(WebSessions.CookieName + "=", StringComparison.Ordinal) || c.StartsWith(WebSessions.SecureCookieName + "=", StringComparison.Ordinal));

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.SeeOther && response.Headers.Location!.OriginalString.StartsWith("/sign-in", StringComparison.Ordinal);
}
