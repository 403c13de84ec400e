using System.Globalization;
using System.Net;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;

namespace Vigil.Server.Tests.Features.Triage;

/// <summary>What the triage tests share: the pages' words in each language and reports filed at chosen times.</summary>
internal static class TriagePages
{
    public static string Say(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "Triage", language == "en" ? "TriageText.resx" : "TriageText.hi.resx"))[key];

    /// <summary>A report under CERT-In's directions (due 6 hours after detection), detected <paramref name="ago"/> before the clock's now.</summary>
    public static string Report(VigilFactory factory, string title, TimeSpan ago, string category = "malicious-code", string extra = "") =>
        $$"""
        {
          "title": "{{title}}",
          "category": "{{category}}",
          "description": "Crafted RTCP packets in calls led to remote code execution.",
          "detected_at": "{{(factory.Clock.GetUtcNow() - ago).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}",
          "regimes": ["in-cert-in-2022"]{{(extra.Length > 0 ? ", " + extra : "")}}
        }
        """;

    /// <summary>Opens a request for information due at <paramref name="due"/>: the next deadline the incident faces.</summary>
    public static async Task AskAsync(Actor analyst, string incident, DateTimeOffset due)
    {
        var opened = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{incident}/requests",
            $$"""{"question": "What else?", "due_at": "{{due.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"}""");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
    }
}
