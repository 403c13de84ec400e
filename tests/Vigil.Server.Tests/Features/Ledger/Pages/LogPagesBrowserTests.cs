using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Receipts;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.ReporterPages;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger.Pages;

/// <summary>
/// The log explorer in Chromium against the real server: the page's script and the server give one verdict on real
/// receipts and on tampered ones, the script sending nothing; without script the form still gives the verdict.
/// </summary>
public sealed class LogPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private sealed record Case(string Name, string Receipt, string? Content = null, string? Keys = null, string? Expected = null, bool Upload = false);

    private sealed record Shown(string Reason, string Heading, string Sentences, string Plain, string Where);

    [Fact]
    public async Task A_reader_pastes_a_real_receipt_and_sees_it_hold_in_plain_words_then_a_tampered_one_fail()
    {
        var (receipts, _) = await SubmitAsync();
        var (receipt, body) = receipts[0];
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/log");
        await page.ClickAsync("a:has-text('Check a receipt')");
        await page.WaitForURLAsync("**/log/verify");
        await page.FillAsync("#receipt", receipt.ToJsonString());
        await page.FillAsync("#content", body);
        await page.ClickAsync("button:has-text('Check the receipt')");
        var verdict = page.Locator("#verdict");
        await Assertions.Expect(verdict.Locator("h2")).ToHaveTextAsync("The receipt holds");
        await Assertions.Expect(verdict).ToContainTextAsync("The content given is exactly what was committed.");
        await Assertions.Expect(verdict).ToContainTextAsync($"In plain words: the log holds submission #1 (report) of incident {receipt["incident_id"]}");
        await Assertions.Expect(verdict).ToContainTextAsync("Checked in your browser; nothing was sent.");
        await Assertions.Expect(verdict).ToBeFocusedAsync();
        await ScreenshotAsync(page, "log-verify-holds");

        await page.FillAsync("#receipt", ReceiptTampering.FlipSignatureByte(receipt));
        await page.FillAsync("#content", "");
        await page.ClickAsync("button:has-text('Check the receipt')");
        await Assertions.Expect(verdict.Locator("h2")).ToHaveTextAsync("The receipt does not hold");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-reason", "SignatureInvalid");
        await Assertions.Expect(verdict).ToContainTextAsync("the checkpoint was altered after it was signed");
        await Assertions.Expect(verdict).ToContainTextAsync("In plain words: this receipt proves nothing.");
        await ScreenshotAsync(page, "log-verify-refused");
    }

    /// <summary>The page's script, the server (the same page without script) and `vigil verify` on the same receipts, keys and content.</summary>
    [Fact]
    public async Task The_script_the_server_and_vigil_verify_give_one_verdict_on_real_receipts_and_tampered_ones_and_the_script_sends_nothing()
    {
        var (receipts, keys) = await SubmitAsync();
        using var otherLog = Ed25519NoteSigner.Generate("vigil.local/ledger");
        var (first, firstBody) = receipts[0];
        var cases = receipts.SelectMany(r => new[]
        {
            new Case($"{r.Receipt["kind"]} #{r.Receipt["sequence"]}", r.Receipt.ToJsonString(), Expected: ""),
            new Case($"{r.Receipt["kind"]} #{r.Receipt["sequence"]} with its content", r.Receipt.ToJsonString(), r.Body, Expected: ""),
        }).Concat(ReceiptTampering.All(first).Select(t => new Case(t.Name, t.Receipt, Expected: t.ExpectedReason))).Concat(
        [
            new("content one character off", first.ToJsonString(), firstBody.Replace("1400", "1401", StringComparison.Ordinal), Expected: "ContentMismatch"),
            new("content with a repeated member", first.ToJsonString(), ReceiptTampering.ContentWithRepeatedMember(firstBody), Expected: "ContentNotJson"),
            new("another log's key", first.ToJsonString(), Keys: otherLog.VerifierKey, Expected: "NoKnownSignature"),
            new("its index written as 9.0 rather than 9", ReceiptTampering.WithNumber(first, "leaf_index", first["leaf_index"] + ".0"), Expected: ""),
            new("uploaded as a file", first.ToJsonString(), Expected: "", Upload: true),
            // Issue 14: the whole answer of a submission, as the API returns it, is read as the receipt it holds.
            new("the whole answer holding it", new JsonObject { ["receipt"] = first.DeepClone() }.ToJsonString(), firstBody, Expected: ""),
            new("the whole answer holding a tampered one", new JsonObject { ["receipt"] = JsonNode.Parse(ReceiptTampering.FlipSignatureByte(first)) }.ToJsonString(), Expected: "SignatureInvalid"),
            new("a tampered file", ReceiptTampering.FlipSignatureByte(first), Expected: "SignatureInvalid", Upload: true),
        ]).ToList();
        var scripted = await fixture.NewPageAsync();
        var posts = 0;
        scripted.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        var errors = new List<string>();
        scripted.PageError += (_, error) => errors.Add(error);
        scripted.Console += (_, message) => errors.Add(message.Type == "error" ? message.Text : "");
        var plain = await NewPageAsync(javaScript: false);

        foreach (var check in cases)
        {
            var inBrowser = await VerdictAsync(scripted, check);
            var onServer = await VerdictAsync(plain, check);

            Assert.True(check.Expected == onServer.Reason, $"{check.Name}: the server says {onServer.Reason}: {onServer.Sentences}");
            Assert.Equal(onServer with { Where = "" }, inBrowser with { Where = "" });
            Assert.True(inBrowser.Where == "Checked in your browser; nothing was sent.", $"{check.Name}: {string.Join("\n", errors)}");
            Assert.Equal("Checked on this server.", onServer.Where);

            var cli = await VerifyCli.RunAsync(check.Receipt, check.Keys ?? keys, check.Content);
            Assert.True((check.Expected == "") == cli.Holds, $"{check.Name}: vigil verify says {string.Join(" ", cli.Sentences)}");
            // Word for word; only where no content was given does the command point to its own option (--content) instead.
            var compared = cli.Holds && check.Content is null ? 1 : cli.Sentences.Count;
            Assert.Equal(cli.Sentences.Take(compared), onServer.Sentences.Split('\n').Take(compared));
            Assert.Equal(cli.Sentences.Count, onServer.Sentences.Split('\n').Length);
        }
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task In_Hindi_the_script_and_the_server_say_the_same_verdict_in_Hindi()
    {
        var (receipts, _) = await SubmitAsync();
        var scripted = await NewPageAsync(javaScript: true, hindi: true);
        var plain = await NewPageAsync(javaScript: false, hindi: true);

        foreach (var check in new[]
        {
            new Case("report with its content", receipts[0].Receipt.ToJsonString(), receipts[0].Body, Expected: ""),
            new Case("flipped proof byte", ReceiptTampering.FlipProofByte(receipts[0].Receipt), Expected: "NotIncluded"),
        })
        {
            var inBrowser = await VerdictAsync(scripted, check);
            var onServer = await VerdictAsync(plain, check);
            Assert.Equal(onServer with { Where = "" }, inBrowser with { Where = "" });
            Assert.Equal(check.Expected == "" ? "रसीद सही है" : "रसीद सही नहीं है", inBrowser.Heading);
        }
        await ScreenshotAsync(scripted, "log-verify-refused-hi");
    }

    [Fact]
    public async Task The_log_and_an_entry_read_in_a_browser_and_the_jump_form_goes_to_an_entry()
    {
        var (receipts, _) = await SubmitAsync();
        var leaf = receipts[^1].Receipt["leaf_index"]!.GetValue<long>();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/log");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Transparency log");
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("the log's own signature");
        await ScreenshotAsync(page, "log");

        await page.FillAsync("#jump-index", leaf.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("button:has-text('Show the entry')");
        await page.WaitForURLAsync($"**/log/entries/{leaf}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Log entry {leaf}");
        await Assertions.Expect(page.Locator("p.verdict.holds")).ToContainTextAsync("Verified.");
        await ScreenshotAsync(page, "log-entry");

        var hindi = await NewPageAsync(javaScript: true, hindi: true);
        await hindi.GotoAsync($"/log/entries/{leaf}");
        await Assertions.Expect(hindi.Locator("h1")).ToHaveTextAsync($"लॉग प्रविष्टि {leaf}");
        await ScreenshotAsync(hindi, "log-entry-hi");
        await hindi.GotoAsync("/log");
        await ScreenshotAsync(hindi, "log-hi");
    }

    /// <summary>Receipts altered at random, a character at a time (the same ones every run): the script and the server still agree on each.</summary>
    [Fact]
    public async Task The_script_and_the_server_agree_on_receipts_altered_at_random()
    {
        var (receipts, _) = await SubmitAsync();
        var text = receipts[0].Receipt.ToJsonString();
        var random = new Random(1209);
        const string Replacements = "0123456789abcdefABCDEF+/=\"{}[],: \\n.-eE";
        var scripted = await fixture.NewPageAsync();
        using var server = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = fixture.Server.Address };
        var disagreements = new List<string>();
        for (var round = 0; round < 40; round++)
        {
            var at = random.Next(text.Length);
            var altered = text[..at] + Replacements[random.Next(Replacements.Length)] + text[(at + 1)..];
            var inBrowser = await VerdictAsync(scripted, new Case($"round {round}", altered));
            var onServer = VerifyForm.Read(await (await VerifyForm.PostAsync(server, altered)).Content.ReadAsStringAsync());
            if (onServer is null || onServer.Reason != inBrowser.Reason || string.Join("\n", onServer.Sentences) != inBrowser.Sentences)
            {
                disagreements.Add($"at {at}: {text[Math.Max(0, at - 15)..Math.Min(text.Length, at + 15)]} -> {altered[Math.Max(0, at - 15)..Math.Min(text.Length, at + 15)]}: server {onServer?.Reason} {string.Join(" ", onServer?.Sentences ?? [])}, script {inBrowser.Reason} {inBrowser.Sentences}");
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>What only a sent form shows (a verdict, an error beside the field), built by the script or by the server, checked as the catalogue's pages are.</summary>
    [Fact]
    public async Task Verdicts_and_form_errors_have_no_serious_accessibility_violation_with_or_without_script_in_either_language()
    {
        var (receipts, _) = await SubmitAsync();
        var good = new Case("holds", receipts[0].Receipt.ToJsonString(), receipts[0].Body);
        var bad = new Case("fails", ReceiptTampering.FlipProofByte(receipts[0].Receipt));
        var violations = new List<string>();
        var wheres = new HashSet<string>();
        foreach (var (javaScript, hindi) in new[] { (true, false), (false, false), (true, true), (false, true) })
        {
            // axe is a script: "without script" here is without the page's own one, so the server answers the form.
            var page = await NewPageAsync(javaScript: true, hindi, bypassCsp: true);
            if (!javaScript)
            {
                await page.RouteAsync("**/js/verify-receipt.js", route => route.AbortAsync());
            }
            foreach (var check in new[] { good, bad })
            {
                wheres.Add((await VerdictAsync(page, check)).Where);
                violations.AddRange((await AxeAsync(page)).Select(v => $"{check.Name} (script {javaScript}, Hindi {hindi}): {v}"));
            }
            await page.GotoAsync("/log/verify");
            await page.ClickAsync("#verify-form button[type=submit]");
            await page.Locator(".error-summary").WaitForAsync();
            await Assertions.Expect(page.Locator("#receipt")).ToHaveAttributeAsync("aria-invalid", "true");
            violations.AddRange((await AxeAsync(page)).Select(v => $"no receipt (script {javaScript}, Hindi {hindi}): {v}"));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Equal(4, wheres.Count); // checked in the browser and on the server, in each language
    }

    private static async Task<IEnumerable<string>> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepositoryPaths.File("tests", "Vigil.Server.Tests", "Axe", "node_modules", "axe-core", "axe.min.js") });
        var found = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help)");
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Fills and sends the form on a fresh load of the page, and reads the verdict shown.</summary>
    private static async Task<Shown> VerdictAsync(IPage page, Case check)
    {
        await page.GotoAsync("/log/verify");
        if (check.Upload)
        {
            await page.SetInputFilesAsync("#receipt-file", new FilePayload { Name = "receipt.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(check.Receipt) });
        }
        else
        {
            await page.FillAsync("#receipt", check.Receipt);
        }
        if (check.Content is not null)
        {
            await page.FillAsync("#content", check.Content);
        }
        if (check.Keys is not null)
        {
            await page.FillAsync("#keys", check.Keys);
        }
        await page.ClickAsync("#verify-form button[type=submit]");
        var verdict = page.Locator("#verdict");
        await verdict.WaitForAsync();
        return new Shown(
            await verdict.GetAttributeAsync("data-reason") ?? "",
            await page.Locator("#verdict-heading").InnerTextAsync(),
            string.Join("\n", await verdict.Locator(".verdict-sentences p").AllInnerTextsAsync()),
            await verdict.Locator("p.verdict-plain").InnerTextAsync(),
            await verdict.Locator("p.meta").InnerTextAsync());
    }

    /// <summary>A fresh context; <paramref name="bypassCsp"/> only where the test injects axe, which the page's policy rightly refuses.</summary>
    private async Task<IPage> NewPageAsync(bool javaScript, bool hindi = false, bool bypassCsp = false)
    {
        var address = fixture.Server.Address.ToString().TrimEnd('/');
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, JavaScriptEnabled = javaScript, BypassCSP = bypassCsp });
        context.SetDefaultTimeout(60_000);
        if (hindi)
        {
            await context.AddCookiesAsync([new Cookie { Name = "vigil_language", Value = "c%3Dhi%7Cuic%3Dhi", Url = address }]);
        }
        return await context.NewPageAsync();
    }

    /// <summary>A reporter's report, its update, and a second report: three real receipts with what each filed; and the log's keys.</summary>
    private async Task<(List<(JsonNode Receipt, string Body)> Receipts, string Keys)> SubmitAsync()
    {
        var reporter = await Seed.UserAsync(fixture.Server.Services, Roles.Reporter);
        using var client = new HttpClient { BaseAddress = fixture.Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporter.Token);
        var receipts = new List<(JsonNode, string)>();
        async Task<JsonNode> FileAsync(string path, string body)
        {
            var answer = await (await client.PostJsonAsync(path, body)).JsonAsync();
            receipts.Add((answer["receipt"]!, body));
            return answer;
        }
        // One before, so that even on a fresh log the first receipt's proof has a hash to alter.
        (await client.PostJsonAsync("/api/v1/incidents", Api.Report("the one before"))).EnsureSuccessStatusCode();
        var report = await FileAsync("/api/v1/incidents", Api.Report("seen in the browser", "\"affected_users\": {\"total\": 1400, \"as_of\": \"2026-11-29T10:00:00+05:30\"}"));
        await FileAsync($"/api/v1/incidents/{report["incident"]!["id"]}/updates", """{"narrative": "Contained: the exploited build is withdrawn.\nStill \u00e0 l'étude."}""");
        await FileAsync("/api/v1/incidents", Api.Report("दूसरी रिपोर्ट: a second one"));
        return (receipts, await client.GetStringAsync("/ledger/key"));
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        Screenshot.SaveAsync(page, Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"));
}
