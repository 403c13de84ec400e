using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// Posting a page's form as a browser does: fetch the page first (its antiforgery cookie and token), then post the
/// fields under the names the page's form gives them, with the form's name.
/// </summary>
public static partial class PageForms
{
    /// <summary>The sign-in form; fields by their plain names (email, password, totp, token).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, params (string Name, string Value)[] fields) =>
        PostAsync(client, "/sign-in", "sign-in", [.. fields.Select(f => ("Form." + char.ToUpperInvariant(f.Name[0]) + f.Name[1..], f.Value))]);

    /// <summary>Fetches <paramref name="path"/> and posts its form <paramref name="formName"/> with the given fields (and any cookies in <paramref name="cookies"/>).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, IEnumerable<(string Name, string Value)> fields, string? cookies = null)
    {
        var page = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookies is not null) { page.Headers.Add("Cookie", cookies); }
        var shown = await client.SendAsync(page);
        var html = await shown.Content.ReadAsStringAsync();
        var antiforgery = shown.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("vigil_antiforgery=", StringComparison.Ordinal)) : null;
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new("_handler", formName), new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        };
        post.Headers.Add("Cookie", string.Join("; ", new[] { antiforgery, cookies }.Where(c => c is not null)));
        return await client.SendAsync(post);
    }

    /// <summary>The page session's secret a successful sign-in set.</summary>
    public static string SessionOf(HttpResponseMessage signedIn) =>
        signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("vigil_session=", StringComparison.Ordinal)).Split('=', 2)[1];

    /// <summary>A page without its antiforgery token, which differs on every answer: what is left is what the page says.</summary>
    public static string WithoutAntiforgery(string html) => Token().Replace(html, "name=\"__RequestVerificationToken\" value=\"\"");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
