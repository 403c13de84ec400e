using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents.Pages;

/// <summary>A browser's part in the incident pages, over HTTP: a page session, the new report form, its preview endpoint.</summary>
public static partial class ReportPages
{
    public const string Hindi = "vigil_language=c%3Dhi%7Cuic%3Dhi";

    /// <summary>A client that follows no redirects and keeps no cookies: each request says which it sends.</summary>
    public static HttpClient Client(VigilFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in with an API token and returns the cookie header that carries the page session.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string token)
    {
        var response = await PageForms.SignInAsync(client, ("token", token));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"sign-in answered {(int)response.StatusCode}");
        return "vigil_session=" + PageForms.SessionOf(response);
    }

    /// <summary>Posts the new report form with <paramref name="action"/> (file, check, add:{group}).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string cookies, string action, params (string Name, string Value)[] fields) =>
        PageForms.PostAsync(client, "/incidents/new", "new-report", [.. fields, ("action", action)], cookies);

    /// <summary>What the page's script does: the form's fields to the preview endpoint, with the antiforgery token in a header.</summary>
    public static async Task<HttpResponseMessage> ScriptPreviewAsync(HttpClient client, string cookies, params (string Name, string Value)[] fields)
    {
        var (antiforgery, token) = await AntiforgeryAsync(client, cookies);
        var request = new HttpRequestMessage(HttpMethod.Post, "/incidents/new/preview")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("Cookie", $"{antiforgery}; {cookies}");
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    /// <summary>The antiforgery cookie and the form token of the new report page, as a browser has them after loading it.</summary>
    public static async Task<(string Cookie, string Token)> AntiforgeryAsync(HttpClient client, string cookies)
    {
        var page = new HttpRequestMessage(HttpMethod.Get, "/incidents/new");
        page.Headers.Add("Cookie", cookies);
        var shown = await client.SendAsync(page);
        var cookie = shown.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("vigil_antiforgery=", StringComparison.Ordinal));
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await shown.Content.ReadAsStringAsync()).Groups[1].Value);
        return (cookie, token);
    }

    public static async Task<string> GetAsync(HttpClient client, string path, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The due time (UTC, as the page's time element says it) of a stage of a regime in a rendered preview.</summary>
    public static string DueOf(string html, string regime, string stage)
    {
        var table = Regex.Match(html, $"<table class=\"preview-regime\" data-regime=\"{Regex.Escape(regime)}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no preview of {regime} in:\n{html}");
        var row = Regex.Match(table.Groups[1].Value, $"<tr data-stage=\"{Regex.Escape(stage)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no stage {stage} of {regime}");
        return Regex.Match(row.Groups[1].Value, "<time datetime=\"([^\"]+)\"").Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
