using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Ledger.Receipts;

namespace Vigil.Server.Tests.Features.Ledger.Pages;

/// <summary>
/// The receipt form of /log/verify posted as a browser without script posts it (multipart, with the antiforgery
/// cookie and token of the page it came from), and the verdict read back from the page.
/// </summary>
public static partial class VerifyForm
{
    /// <summary>What the page said: the failed check's reason (empty when the receipt holds), its heading, its sentences and what they mean in plain words.</summary>
    public sealed record Verdict(string Reason, string Heading, IReadOnlyList<string> Sentences, string Plain);

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string? receipt, string? content = null, string? keys = null, string? receiptFile = null, string? cookie = null)
    {
        var page = new HttpRequestMessage(HttpMethod.Get, "/log/verify");
        if (cookie is not null)
        {
            page.Headers.Add("Cookie", cookie);
        }
        var shown = await client.SendAsync(page);
        var html = await shown.Content.ReadAsStringAsync();
        var antiforgery = shown.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("vigil_antiforgery=", StringComparison.Ordinal));
        var form = new MultipartFormDataContent
        {
            { new StringContent("verify-receipt"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(receipt ?? ""), "Form.Receipt" },
            { new StringContent(content ?? ""), "Form.Content" },
        };
        if (keys is not null)
        {
            form.Add(new StringContent(keys), "Form.Keys");
        }
        if (receiptFile is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(receiptFile));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "ReceiptFile", "receipt.json");
        }
        var post = new HttpRequestMessage(HttpMethod.Post, "/log/verify") { Content = form };
        post.Headers.Add("Cookie", string.Join("; ", new[] { antiforgery, cookie }.Where(c => c is not null)));
        return await client.SendAsync(post);
    }

    /// <summary>The verdict section of a page, as text; null when the page shows none.</summary>
    public static Verdict? Read(string html)
    {
        var section = Section().Match(html);
        if (!section.Success)
        {
            return null;
        }
        var sentences = Sentences().Match(section.Value).Groups[1].Value;
        return new Verdict(
            section.Groups["reason"].Value,
            WebUtility.HtmlDecode(Heading().Match(section.Value).Groups[1].Value),
            [.. Paragraph().Matches(sentences).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))],
            WebUtility.HtmlDecode(PlainWords().Match(section.Value).Groups[1].Value));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<section id=\"verdict\"[^>]*data-reason=\"(?<reason>[^\"]*)\"[\\s\\S]*?</section>")]
    private static partial Regex Section();

    [GeneratedRegex("<h2 id=\"verdict-heading\">([^<]*)</h2>")]
    private static partial Regex Heading();

    [GeneratedRegex("<div class=\"verdict-sentences\">([\\s\\S]*?)</div>")]
    private static partial Regex Sentences();

    [GeneratedRegex("<p class=\"verdict-plain\">([^<]*)</p>")]
    private static partial Regex PlainWords();

    [GeneratedRegex("<p>([^<]*)</p>")]
    private static partial Regex Paragraph();
}
