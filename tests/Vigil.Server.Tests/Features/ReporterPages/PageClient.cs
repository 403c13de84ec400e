using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Server.Features.ReporterPages;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>The framework's antiforgery pair a page hands out: its cookie (name=value) and the token its forms carry.</summary>
public sealed record Antiforgery(string Cookie, string Token);

/// <summary>
/// The reporter pages as a browser uses them, without one: a client that keeps no cookies and follows no redirects;
/// signing in through the sign-in form, the antiforgery pair of a page, and the upload form posted as multipart.
/// </summary>
public static partial class PageClient
{
    public const string UploadForm = "inventory-upload";

    public const string Hindi = "vigil_language=c%3Dhi%7Cuic%3Dhi";

    /// <summary>Signs in with an API token through the form; the session's secret.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string token)
    {
        var signedIn = await PageForms.SignInAsync(client, ("token", token));
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        return PageForms.SessionOf(signedIn);
    }

    public static string Session(string secret) => $"{WebSessions.CookieName}={secret}";

    /// <summary>GET with the given cookies (name=value each; nulls left out).</summary>
    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, params string?[] cookies) =>
        client.SendAsync(WithCookies(new HttpRequestMessage(HttpMethod.Get, path), cookies));

    public static HttpRequestMessage WithCookies(HttpRequestMessage request, params string?[] cookies)
    {
        var present = cookies.Where(c => c is not null).ToList();
        if (present.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", present));
        }
        return request;
    }

    /// <summary>Fetches <paramref name="path"/> and reads the antiforgery cookie it set and the token its forms carry.</summary>
    public static async Task<Antiforgery> AntiforgeryAsync(HttpClient client, string path, params string?[] cookies)
    {
        var page = await GetAsync(client, path, cookies);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("vigil_antiforgery=", StringComparison.Ordinal));
        return new Antiforgery(cookie, WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value));
    }

    /// <summary>The upload form as the page posts it: the form's name, the antiforgery token (when given), and the file.</summary>
    public static HttpRequestMessage Upload(string path, string file, Antiforgery? antiforgery, params string?[] cookies)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent { { new StringContent(UploadForm), "_handler" } };
        if (antiforgery is not null)
        {
            form.Add(new StringContent(antiforgery.Token), "__RequestVerificationToken");
        }
        form.Add(content, InventoryUpload.Field, "inventory.json");
        return WithCookies(new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, [antiforgery?.Cookie, .. cookies]);
    }

    public static string InventoryPath(string? organisationId) => $"/organisations/{organisationId}/inventory";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
