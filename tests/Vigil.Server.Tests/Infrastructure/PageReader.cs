using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// One user browsing the pages without a browser: signed in once with its token (a page session), then each request
/// in a chosen language; forms are posted as a browser posts them (the page first, for its antiforgery token).
/// </summary>
public sealed partial class PageReader(HttpClient client, string session)
{
    public HttpClient Client { get; } = client;

    public static async Task<PageReader> SignInAsync(VigilFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var signedIn = await PageForms.SignInAsync(client, ("token", token));
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        return new PageReader(client, PageForms.SessionOf(signedIn));
    }

    public string Cookies(string language) => $"vigil_session={session}; vigil_language=c%3D{language}%7Cuic%3D{language}";

    /// <summary>The page's answer and its HTML with entities decoded (the renderer writes Devanagari as entities).</summary>
    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", Cookies(language));
        var response = await Client.SendAsync(request);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string path, string form, IEnumerable<(string Name, string Value)> fields, string language = "en")
    {
        var response = await PageForms.PostAsync(Client, path, form, fields, Cookies(language));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts a multipart form (as a form with files is sent) with its fields and files.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFilesAsync(
        string path, string form, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Name, string FileName, byte[] Content)> files, string language = "en")
    {
        var page = new HttpRequestMessage(HttpMethod.Get, path);
        page.Headers.Add("Cookie", Cookies(language));
        var shown = await Client.SendAsync(page);
        var antiforgery = shown.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith("vigil_antiforgery=", StringComparison.Ordinal));
        var content = new MultipartFormDataContent
        {
            { new StringContent(form), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(Token().Match(await shown.Content.ReadAsStringAsync()).Groups[1].Value)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (name, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, name, fileName);
        }
        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        post.Headers.Add("Cookie", $"{antiforgery}; {Cookies(language)}");
        var response = await Client.SendAsync(post);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
