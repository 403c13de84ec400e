using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Receipts;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger.Pages;

/// <summary>
/// /log/verify without script: the form posted, the server's verdict on a real receipt and on tampered ones, word for
/// word what `vigil verify` prints for the same receipt, key and content. (The check reads no database: one provider.)
/// </summary>
public sealed class VerifyReceiptPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private HttpClient Public() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A report's receipt (its log then has at least two leaves, so its proof has a hash), the report, and the log's keys.</summary>
    private async Task<(JsonNode Receipt, string Body, string Keys)> ReceiptAsync()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        await reporter.Client.FileAsync(Api.Report("the one before"));
        var body = Api.Report("checked in the page", "\"affected_users\": {\"total\": 1400, \"as_of\": \"2026-11-29T10:00:00+05:30\"}");
        var answer = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", body)).JsonAsync();
        return (answer["receipt"]!, body, await Public().GetStringAsync("/ledger/key"));
    }

    private async Task<VerifyForm.Verdict> PageVerdictAsync(string receipt, string? content = null, string? keys = null, string? cookie = null)
    {
        var response = await VerifyForm.PostAsync(Public(), receipt, content, keys, cookie: cookie);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return VerifyForm.Read(html) ?? throw new Xunit.Sdk.XunitException("the page shows no verdict:\n" + html);
    }

    [Fact]
    public async Task A_real_receipt_holds_and_with_its_content_proves_what_was_filed_in_the_words_of_vigil_verify()
    {
        var (receipt, body, keys) = await ReceiptAsync();

        var shown = await PageVerdictAsync(receipt.ToJsonString(), body);
        var cli = await VerifyCli.RunAsync(receipt.ToJsonString(), keys, body);

        Assert.True(cli.Holds);
        Assert.Equal("", shown.Reason);
        Assert.Equal("The receipt holds", shown.Heading);
        Assert.Equal(cli.Sentences, shown.Sentences);
        Assert.StartsWith("In plain words: the log holds submission #1 (report) of incident ", shown.Plain, StringComparison.Ordinal);
        Assert.Equal("The content given is exactly what was committed.", shown.Sentences[2]);

        // Issue 14: without the content, only what was proved is shown, and one sentence says what was not.
        var withoutContent = await PageVerdictAsync(receipt.ToJsonString());
        Assert.Equal(2, withoutContent.Sentences.Count);
        Assert.Equal(shown.Sentences[0], withoutContent.Sentences[0]);
        Assert.StartsWith("Not proved: the content", withoutContent.Sentences[1], StringComparison.Ordinal);
        Assert.DoesNotContain(receipt["received_at"]!.GetValue<string>(), string.Join(" ", withoutContent.Sentences) + withoutContent.Plain, StringComparison.Ordinal);
    }

    /// <summary>Issue 14, transparency log, third point: the whole answer of a submission is read as the receipt it holds, here as by `vigil verify`.</summary>
    [Fact]
    public async Task The_whole_answer_of_a_submission_is_checked_as_the_receipt_it_holds()
    {
        var (receipt, body, keys) = await ReceiptAsync();
        var answer = new JsonObject { ["incident"] = new JsonObject { ["id"] = receipt["incident_id"]!.GetValue<string>() }, ["receipt"] = receipt.DeepClone() }.ToJsonString();

        var shown = await PageVerdictAsync(answer, body);
        var cli = await VerifyCli.RunAsync(answer, keys, body);
        Assert.True(cli.Holds);
        Assert.Equal("", shown.Reason);
        Assert.Equal(cli.Sentences, shown.Sentences);
        Assert.Equal((await PageVerdictAsync(receipt.ToJsonString(), body)).Sentences, shown.Sentences);
    }

    [Fact]
    public async Task Every_tampered_receipt_is_refused_for_the_reason_and_in_the_words_of_vigil_verify()
    {
        var (receipt, body, keys) = await ReceiptAsync();
        using var otherLog = Ed25519NoteSigner.Generate("vigil.local/ledger");
        var cases = ReceiptTampering.All(receipt).Select(t => (t.Name, t.Receipt, Content: (string?)null, Keys: keys, t.ExpectedReason)).Concat(
        [
            ("content one character off", receipt.ToJsonString(), body.Replace("1400", "1401", StringComparison.Ordinal), keys, "ContentMismatch"),
            ("content that is not JSON", receipt.ToJsonString(), "{\"title\": ", keys, "ContentNotJson"),
            ("content with a repeated member", receipt.ToJsonString(), ReceiptTampering.ContentWithRepeatedMember(body), keys, "ContentNotJson"),
            ("another log's key", receipt.ToJsonString(), null, otherLog.VerifierKey, "NoKnownSignature"),
            ("a key cut short", receipt.ToJsonString(), null, keys.Split('\n')[0][..20], "KeyMalformed"),
        ]);

        foreach (var (name, tampered, content, key, expected) in cases)
        {
            var shown = await PageVerdictAsync(tampered, content, key);
            var cli = await VerifyCli.RunAsync(tampered, key, content);

            Assert.True(expected == shown.Reason, $"{name}: the page says {shown.Reason}");
            Assert.Equal("The receipt does not hold", shown.Heading);
            Assert.StartsWith("In plain words: this receipt proves nothing.", shown.Plain, StringComparison.Ordinal);
            Assert.False(cli.Holds);
            Assert.Equal(cli.Sentences, shown.Sentences);
        }
    }

    [Fact]
    public async Task In_Hindi_the_page_gives_the_same_verdict_in_Hindi()
    {
        var (receipt, _, _) = await ReceiptAsync();

        var shown = await PageVerdictAsync(ReceiptTampering.FlipSignatureByte(receipt), cookie: LogPagesTests<VigilFactory>.Hindi);

        Assert.Equal("SignatureInvalid", shown.Reason);
        Assert.Equal("रसीद सही नहीं है", shown.Heading);
        Assert.StartsWith("चेकपॉइंट पर vigil.local/ledger+", Assert.Single(shown.Sentences), StringComparison.Ordinal);
        Assert.EndsWith("हस्ताक्षर के बाद चेकपॉइंट बदला गया है।", shown.Sentences[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_uploaded_as_a_file_is_checked_alike_and_one_given_twice_or_not_at_all_is_marked_beside_its_field()
    {
        var (receipt, _, _) = await ReceiptAsync();
        var pasted = await PageVerdictAsync(receipt.ToJsonString());

        var uploaded = await VerifyForm.PostAsync(Public(), null, receiptFile: receipt.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(pasted, VerifyForm.Read(await uploaded.Content.ReadAsStringAsync()), new VerdictComparer());

        foreach (var (given, file, message) in new[] { ("", (string?)null, "Paste the receipt, or choose its file."), (receipt.ToJsonString(), receipt.ToJsonString(), "Give the receipt once") })
        {
            var refused = await VerifyForm.PostAsync(Public(), given, receiptFile: file);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
            Assert.Contains($"<span id=\"receipt-error\" class=\"field-error\">{message}", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
            Assert.Null(VerifyForm.Read(html));
        }
    }

    private sealed class VerdictComparer : IEqualityComparer<VerifyForm.Verdict?>
    {
        public bool Equals(VerifyForm.Verdict? x, VerifyForm.Verdict? y) =>
            x is not null && y is not null && x.Reason == y.Reason && x.Heading == y.Heading && x.Sentences.SequenceEqual(y.Sentences) && x.Plain == y.Plain;

        public int GetHashCode(VerifyForm.Verdict? obj) => obj?.Heading.GetHashCode(StringComparison.Ordinal) ?? 0;
    }

}
