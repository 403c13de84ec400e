using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents.Pages;

public sealed class IncidentListAndReceiptPageOnSqliteTests(VigilFactory factory) : IncidentListAndReceiptPageTests<VigilFactory>(factory);

public sealed class IncidentListAndReceiptPageOnPostgresTests(PostgresVigilFactory factory) : IncidentListAndReceiptPageTests<PostgresVigilFactory>(factory);

/// <summary>
/// The list of incidents (each with its next deadline, from the same evaluation as GET .../compliance) and the receipt
/// page with its download (the very receipt the API answered the filing with), for whoever may read them only.
/// </summary>
public abstract class IncidentListAndReceiptPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    // Detected an hour before the factory's clock starts (10:00 UTC). Filing meets NIS2's early warning; its
    // notification (72 hours) is still to come.
    private static string Report(string title) =>
        Api.Report(title, "\"regimes\": [\"in-cert-in-2022\", \"eu-nis2-art23\"]").Replace("2026-11-29T09:00:00+05:30", "2026-11-30T09:00:00Z", StringComparison.Ordinal);

    [Fact]
    public async Task A_reporter_sees_its_own_organisations_incidents_with_their_next_deadline_in_English_and_Hindi_and_the_CERT_sees_all()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var ours = await reporter.Client.FileAsync(Report("Ours: mail server encrypted"));
        var theirs = await other.Client.FileAsync(Report("Theirs: payroll leaked"));
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);

        var english = await ReportPages.GetAsync(client, "/incidents", session);
        Assert.Contains($"<a href=\"/incidents/{ours}\">Ours: mail server encrypted</a>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs: payroll leaked", english, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/incidents/new\">", english, StringComparison.Ordinal);
        // The next deadline is the compliance endpoint's earliest unmet stage.
        var compliance = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{ours}/compliance");
        var due = compliance["regimes"]!.AsArray().SelectMany(r => r!["stages"]!.AsArray())
            .Where(s => s!["state"]!.GetValue<string>() is "pending" or "due_soon" or "overdue" && s["due_utc"] is not null)
            .Select(s => s!["due_utc"]!.GetValue<DateTimeOffset>()).Min();
        Assert.Equal(DateTimeOffset.Parse("2026-12-03T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), due);
        Assert.Contains("<time datetime=\"2026-12-03T09:00:00Z\"", english, StringComparison.Ordinal);
        Assert.Contains("Received", english, StringComparison.Ordinal);

        var hindi = await ReportPages.GetAsync(client, "/incidents", $"{session}; {ReportPages.Hindi}");
        Assert.Contains("<h1>घटनाएँ</h1>", hindi, StringComparison.Ordinal);
        Assert.Contains("प्राप्त", hindi, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-12-03T09:00:00Z\"", hindi, StringComparison.Ordinal);

        var cert = await ReportPages.GetAsync(client, "/incidents", await ReportPages.SignInAsync(client, analyst.Token));
        Assert.Contains(ours, cert, StringComparison.Ordinal);
        Assert.Contains(theirs, cert, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/incidents/new\"", cert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_page_not_an_error()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);
        var request = new HttpRequestMessage(HttpMethod.Get, "/incidents?status=nonsense");
        request.Headers.Add("Cookie", session);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Incidents</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receipt_page_says_what_it_proves_and_its_download_is_the_receipt_the_API_answered_with()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var filed = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", Report("Receipted"))).JsonAsync();
        var id = filed["incident"]!["id"]!.GetValue<string>();
        var leaf = filed["receipt"]!["leaf_index"]!.GetValue<long>();
        // Later entries move the log on: the download is still the receipt as it was given, proved in its own checkpoint.
        await reporter.Client.FileAsync(Report("Later"));
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);

        var page = await ReportPages.GetAsync(client, $"/incidents/{id}/receipts/1", session);
        Assert.Contains("<h1>Your report is on the record</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/log/entries/{leaf}\">", page, StringComparison.Ordinal);
        Assert.Contains("nothing of what you wrote is public", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/incidents/{id}/receipts/1/receipt.json\" download=\"vigil-receipt-{leaf}.json\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/log/verify\">", page, StringComparison.Ordinal);
        var hindi = await ReportPages.GetAsync(client, $"/incidents/{id}/receipts/1", $"{session}; {ReportPages.Hindi}");
        Assert.Contains("<h1>आपकी रिपोर्ट अभिलेख में दर्ज है</h1>", hindi, StringComparison.Ordinal);

        var download = new HttpRequestMessage(HttpMethod.Get, $"/incidents/{id}/receipts/1/receipt.json");
        download.Headers.Add("Cookie", session);
        var file = await client.SendAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"vigil-receipt-{leaf}.json", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        var downloaded = JsonNode.Parse(await file.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(filed["receipt"], downloaded), downloaded?.ToJsonString());
    }

    [Fact]
    public async Task Another_organisation_finds_no_receipt_page_and_no_download_and_neither_does_the_API_client()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Report("Not for strangers"));
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, stranger.Token);

        foreach (var path in new[] { $"/incidents/{id}/receipts/1", $"/incidents/{id}/receipts/1/receipt.json", $"/incidents/{id}/receipts/9" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", $"{session}; {ReportPages.Hindi}");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Not for strangers", body, StringComparison.Ordinal);
            Assert.DoesNotContain("leaf_index", body, StringComparison.Ordinal);
        }
        // A page never takes a bearer token: the API's client is sent to sign in.
        var bearer = new HttpRequestMessage(HttpMethod.Get, $"/incidents/{id}/receipts/1/receipt.json");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporter.Token);
        var refused = await client.SendAsync(bearer);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("leaf_index", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
