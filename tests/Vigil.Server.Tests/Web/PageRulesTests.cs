using System.Net;
using System.Text.RegularExpressions;
using Vigil.Server.Infrastructure.Web;
using Vigil.Server.Tests.Security;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// Every page of the app, in English and in Hindi, public and signed in: its content security policy, no inline script
/// or style anywhere, every cookie HttpOnly and SameSite, the framework's antiforgery token in every form, its weight
/// (HTML and the stylesheet and scripts it loads) under the budget, and on the Hindi pages no English sentence from
/// the resources left.
/// </summary>
public sealed partial class PageRulesTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    public const int Budget = 100 * 1024;

    [Fact]
    public async Task Every_page_keeps_the_rules_in_both_languages()
    {
        var browsing = new PageBrowsing(world);
        var visits = PageCatalog.Visits(world);
        Assert.NotEmpty(visits);
        var english = ResourceStrings.UntranslatedCandidates();
        var broken = new List<string>();
        var checkedPages = 0;
        foreach (var visit in visits)
        {
            foreach (var language in new[] { "en", "hi" })
            {
                var response = await browsing.GetAsync(visit.Path, visit.Reader, language);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                checkedPages++;
                var html = await response.Content.ReadAsStringAsync();
                var where = $"{visit} [{language}]";
                if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || csp.Single() != WebFeature.PagePolicy)
                {
                    broken.Add($"{where}: its Content-Security-Policy is missing or not the pages' one");
                }
                broken.AddRange(CookieProblems(response).Select(p => $"{where}: {p}"));
                broken.AddRange(InlineProblems(html).Select(p => $"{where}: {p}"));
                if (Forms().Matches(html).Any(f => !f.Value.Contains("__RequestVerificationToken", StringComparison.Ordinal)))
                {
                    broken.Add($"{where}: a form posts without the framework's antiforgery token");
                }
                var weight = System.Text.Encoding.UTF8.GetByteCount(html) + await AssetsWeightAsync(browsing.Client, html);
                if (weight > Budget)
                {
                    broken.Add($"{where}: {weight} bytes on first load, over the {Budget} budget");
                }
                if (language == "hi")
                {
                    var text = VisibleText(html);
                    broken.AddRange(english.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"{where}: English left untranslated: \"{s}\""));
                }
            }
        }
        Assert.True(checkedPages >= visits.Count, $"only {checkedPages} page answers were checked");
        Assert.True(broken.Count == 0, string.Join("\n", broken.Distinct().Take(80)));
    }

    /// <summary>Script and style only from files: no inline script, no style element or attribute, no event-handler attribute.</summary>
    public static IEnumerable<string> InlineProblems(string html)
    {
        if (InlineScript().IsMatch(html)) { yield return "an inline <script>"; }
        if (html.Contains("<style", StringComparison.OrdinalIgnoreCase)) { yield return "a <style> element"; }
        if (StyleAttribute().IsMatch(html)) { yield return "a style attribute"; }
        if (EventAttribute().IsMatch(html)) { yield return "an inline event handler"; }
    }

    /// <summary>Every cookie a page sets is out of script's reach and kept from other sites' requests.</summary>
    public static IEnumerable<string> CookieProblems(HttpResponseMessage response)
    {
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var name = cookie.Split('=', 2)[0];
            if (!cookie.Contains("; httponly", StringComparison.OrdinalIgnoreCase)) { yield return $"cookie {name} is not HttpOnly"; }
            if (!SameSite().IsMatch(cookie)) { yield return $"cookie {name} is not SameSite=Strict or Lax"; }
        }
    }

    private static async Task<int> AssetsWeightAsync(HttpClient client, string html)
    {
        var total = 0;
        foreach (Match asset in Assets().Matches(html))
        {
            total += (await client.GetByteArrayAsync(WebUtility.HtmlDecode(asset.Groups[1].Value))).Length;
        }
        return total;
    }

    /// <summary>What a reader sees: the text between tags, with the title and the values of controls.</summary>
    public static string VisibleText(string html) =>
        WebUtility.HtmlDecode(string.Join(" ", Tags().Split(MarkedEnglish().Replace(html, " ")).Concat(Values().Matches(html).Select(m => m.Groups[1].Value))));

    /// <summary>Text a page marks as English on purpose (the API reference quotes its OpenAPI document's own words).</summary>
    [GeneratedRegex(@"<(span|p|td)\b[^>]*\blang=""en""[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex MarkedEnglish();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex(@"<form[^>]*method=""post""[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex(@"<(?:link[^>]*rel=""stylesheet""[^>]*href|script[^>]*src)=""(/[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Assets();

    [GeneratedRegex(@";\s*samesite=(strict|lax)", RegexOptions.IgnoreCase)]
    private static partial Regex SameSite();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<(?:input|button)[^>]*\s(?:value|placeholder|aria-label)=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Values();
}
