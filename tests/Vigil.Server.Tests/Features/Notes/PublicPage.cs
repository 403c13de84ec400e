using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>A public page as a browser without cookies of its own gets it, in English or Hindi: its status and its HTML.</summary>
public sealed partial record PublicPage(HttpStatusCode Status, string Html)
{
    public static async Task<PublicPage> GetAsync(HttpClient client, string path, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"vigil_language=c%3D{language}%7Cuic%3D{language}");
        var response = await client.SendAsync(request);
        return new PublicPage(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's main content, where a page's own words are (the layout's nav and footer left out).</summary>
    public string Main => MainElement().Match(Html) is { Success: true } main ? main.Groups[1].Value : Html;

    /// <summary>Where <paramref name="text"/> first stands in the main content; -1 when it is not there.</summary>
    public int IndexOf(string text) => Main.IndexOf(text, StringComparison.Ordinal);

    [GeneratedRegex("<main[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();
}
