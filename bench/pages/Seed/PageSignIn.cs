using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Bench.Pages.Seed;

/// <summary>Signs in at /sign-in as a browser does (antiforgery cookie and token, then the form), for a page session.</summary>
public static partial class PageSignIn
{
    public static async Task<string> SessionAsync(Uri server, string email, string password)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server };
        using var page = await http.GetAsync("/sign-in");
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("vigil_antiforgery=", StringComparison.Ordinal)) : null;
        var token = Token().Match(html);
        if (antiforgery is null || !token.Success)
        {
            throw new SeedingFailed($"GET /sign-in answered {(int)page.StatusCode} without an antiforgery cookie and token");
        }
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([
                new("_handler", "sign-in"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
                new("Form.Email", email), new("Form.Password", password)]),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await http.SendAsync(post);
        var session = signedIn.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("vigil_session=", StringComparison.Ordinal)) : null;
        return session?.Split('=', 2)[1] ?? throw new SeedingFailed($"sign-in as {email} answered {(int)signedIn.StatusCode} without a session cookie");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
