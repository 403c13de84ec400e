using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger.Pages;

public sealed class LogPagesOnSqliteTests(VigilFactory factory) : LogPagesTests<VigilFactory>(factory);

public sealed class LogPagesOnPostgresTests(PostgresVigilFactory factory) : LogPagesTests<PostgresVigilFactory>(factory);

/// <summary>
/// The log explorer, read by the public in English and in Hindi: the latest checkpoint and the log's key, one entry
/// with its inclusion proof checked on the server, and nothing of what any entry committed to.
/// </summary>
public abstract class LogPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    public const string Hindi = "vigil_language=c%3Dhi%7Cuic%3Dhi";

    private HttpClient Public() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<(string Html, HttpStatusCode Status)> ReadAsync(string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        var response = await Public().SendAsync(request);
        // Read as text: the framework writes '+' and quotes in text as character references.
        return (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), response.StatusCode);
    }

    /// <summary>Two reports by one reporter (so that a proof has hashes), the second one's leaf index.</summary>
    private async Task<long> FileTwoAsync(string secret)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        await reporter.Client.FileAsync(Api.Report("first " + secret));
        var second = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report("second " + secret))).JsonAsync();
        return second["receipt"]!["leaf_index"]!.GetValue<long>();
    }

    [Fact]
    public async Task The_log_page_shows_anyone_the_latest_checkpoint_its_signature_the_key_and_how_to_follow()
    {
        var leaf = await FileTwoAsync("log page");
        var anonymous = Public();
        var note = await anonymous.GetStringAsync("/ledger/checkpoint");
        var key = (await anonymous.GetStringAsync("/ledger/key")).Split('\n')[0];
        var checkpoint = Checkpoint.Open(note, NoteVerifierSet.Parse(key)).Checkpoint;
        var signature = SignedNote.Parse(note).Signatures[0];

        var (html, status) = await ReadAsync("/log");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Transparency log</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<code>vigil.local/ledger</code>", html, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(checkpoint.RootHash), html, StringComparison.Ordinal);
        Assert.Contains($"<code>{NoteKeyId.ToHex(signature.KeyId)}</code>", html, StringComparison.Ordinal);
        Assert.Contains("The checkpoint's signature verifies", html, StringComparison.Ordinal);
        Assert.Contains(key, html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=", html, StringComparison.Ordinal);
        Assert.Contains("/ledger/tile/", html, StringComparison.Ordinal);
        Assert.Contains("No witness has cosigned this checkpoint", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Recent entries</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/log/entries/{leaf}\">{leaf}</a>", html, StringComparison.Ordinal);
        Assert.Contains("a submission to an incident (<code>report</code>)", html, StringComparison.Ordinal);
        Assert.Contains("vigil ledger follow http://localhost --key \"" + key + "\" --state ./mirror", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/ledger/checkpoint\"><code>/ledger/checkpoint</code></a>", html, StringComparison.Ordinal);
        Assert.Contains("<code>/ledger/tile/<L>/<N>[.p/<W>]</code>", html, StringComparison.Ordinal);

        var (hindi, _) = await ReadAsync("/log", Hindi);
        Assert.Contains("<h1>पारदर्शिता लॉग</h1>", hindi, StringComparison.Ordinal);
        Assert.Contains("नवीनतम चेकपॉइंट", hindi, StringComparison.Ordinal);
        Assert.Contains("हाल की प्रविष्टियाँ", hindi, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(checkpoint.RootHash), hindi, StringComparison.Ordinal);
        Assert.DoesNotContain("Latest checkpoint", hindi, StringComparison.Ordinal);
        Assert.DoesNotContain("public key", hindi, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_entry_shows_its_hash_kind_and_time_and_an_inclusion_proof_checked_on_the_server_and_nothing_of_its_content()
    {
        var leaf = await FileTwoAsync("secret 5b0e");
        var anonymous = Public();
        var entry = JsonNode.Parse(await anonymous.GetStringAsync($"/ledger/entries/{leaf}"))!;
        var size = Checkpoint.Parse(SignedNote.Parse(await anonymous.GetStringAsync("/ledger/checkpoint")).Text).Size;
        var proof = JsonNode.Parse(await anonymous.GetStringAsync($"/ledger/proof/inclusion?index={leaf}&size={size}"))!;

        var (html, status) = await ReadAsync($"/log/entries/{leaf}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>Log entry {leaf}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(entry["leaf_hash"]!.GetValue<string>(), html, StringComparison.Ordinal);
        Assert.Contains("a submission to an incident (<code>report</code>)", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Verified.</strong>", html, StringComparison.Ordinal);
        foreach (var hash in proof["hashes"]!.AsArray())
        {
            Assert.Contains(hash!.GetValue<string>(), html, StringComparison.Ordinal);
        }
        Assert.Contains("What this entry does not reveal", html, StringComparison.Ordinal);
        Assert.Contains("Only whoever holds the receipt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret 5b0e", html, StringComparison.Ordinal);
        Assert.DoesNotContain("VoIP", html, StringComparison.Ordinal);

        var (hindi, _) = await ReadAsync($"/log/entries/{leaf}", Hindi);
        Assert.Contains($"<h1>लॉग प्रविष्टि {leaf}</h1>", hindi, StringComparison.Ordinal);
        Assert.Contains("<strong>सत्यापित।</strong>", hindi, StringComparison.Ordinal);
        Assert.Contains("किसी घटना पर प्रस्तुति", hindi, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified", hindi, StringComparison.Ordinal);
        Assert.DoesNotContain("does not reveal", hindi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_entry_carries_the_same_time_as_the_page()
    {
        var leaf = await FileTwoAsync("entry time");
        var entry = JsonNode.Parse(await Public().GetStringAsync($"/ledger/entries/{leaf}"))!;
        var appended = DateTimeOffset.Parse(entry["appended_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var (html, _) = await ReadAsync($"/log/entries/{leaf}");

        Assert.Contains($"<time datetime=\"{appended.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_beyond_the_log_is_a_404_page_and_the_jump_form_goes_to_an_entry_or_says_what_is_wrong()
    {
        await FileTwoAsync("jump");

        var (missing, missingStatus) = await ReadAsync("/log/entries/9999999");
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Contains("The log has no entry 9999999", missing, StringComparison.Ordinal);

        var jumped = await Public().GetAsync("/log/entries?index=1");
        Assert.Equal(HttpStatusCode.Redirect, jumped.StatusCode);
        Assert.Equal("/log/entries/1", new Uri(new Uri("http://localhost"), jumped.Headers.Location!).AbsolutePath);

        var (refused, refusedStatus) = await ReadAsync("/log/entries?index=one");
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Contains("class=\"error-summary\"", refused, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"jump-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"one\"", refused, StringComparison.Ordinal);

        var (hindi, _) = await ReadAsync("/log/entries?index=one", Hindi);
        Assert.Contains("0 या उससे बड़ी पूर्ण संख्या", hindi, StringComparison.Ordinal);

        var (missingHindi, missingHindiStatus) = await ReadAsync("/log/entries/9999999", Hindi);
        Assert.Equal(HttpStatusCode.NotFound, missingHindiStatus);
        Assert.Contains("लॉग में प्रविष्टि 9999999 नहीं है", missingHindi, StringComparison.Ordinal);
        Assert.DoesNotContain("The log has no entry", missingHindi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verify_page_loads_its_one_script_from_a_file_and_offers_the_logs_key()
    {
        await FileTwoAsync("verify page");
        var key = (await Public().GetStringAsync("/ledger/key")).Split('\n')[0];

        var (html, status) = await ReadAsync("/log/verify");
        var size = (await Public().GetByteArrayAsync("/log/verify")).Length + (await Public().GetByteArrayAsync("/css/vigil.css")).Length;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, html.Split("<script", StringSplitOptions.None).Length - 1);
        Assert.Contains("<script src=\"/js/verify-receipt.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains(key, html, StringComparison.Ordinal);
        Assert.Contains("<template id=\"verdict-texts\">", html, StringComparison.Ordinal);

        var script = await Public().GetAsync("/js/verify-receipt.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        var scriptSize = (await script.Content.ReadAsByteArrayAsync()).Length;
        Assert.InRange(scriptSize, 1, 16 * 1024);
        Assert.InRange(size + scriptSize, 1, 100 * 1024);

        var (hindi, _) = await ReadAsync("/log/verify", Hindi);
        Assert.Contains("<h1>रसीद जाँचें</h1>", hindi, StringComparison.Ordinal);
        Assert.Contains("data-text=\"ReceiptMissing\">रसीद चिपकाएँ, या उसकी फ़ाइल चुनें।", hindi, StringComparison.Ordinal);
        Assert.DoesNotContain("Check the receipt", hindi, StringComparison.Ordinal);
    }
}
