using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;

namespace Vigil.Server.Tests.Features.Oversight;

/// <summary>
/// Oversight's pages at the HTTP level, in English and Hindi: the dashboard shows exactly the figures GET
/// /api/v1/compliance answers for the same filters, each chart's table holds the chart's values and its CSV holds the
/// table, the drill-down pages show envelopes and deadlines only, and nobody else gets in.
/// </summary>
public sealed class OversightPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private const string CertIn = "in-cert-in-2022";

    private static string Say(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "Oversight", language == "en" ? "OversightText.resx" : "OversightText.hi.resx"))[key];

    /// <summary>A reporting organisation with one report on time and one late under CERT-In (the late one also under GDPR, on time there).</summary>
    private async Task<(Actor Reporter, string OnTime, string Late)> OrganisationWithReportsAsync(string? name = null, string? sector = null)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        await RenameAsync(reporter.OrganisationId!, name, sector);
        // Noticed an hour before the server's clock (2026-11-30 10:00 UTC): on time for CERT-In's 6 hours.
        var onTime = await reporter.Client.FileAsync(Api.Report(extra: $"\"regimes\": [\"{CertIn}\"]").Replace("2026-11-29T09:00:00+05:30", "2026-11-30T09:00:00Z", StringComparison.Ordinal));
        // Noticed the day before: late for CERT-In, on time for GDPR's 72 hours.
        var late = await reporter.Client.FileAsync(Api.Report(extra: $"\"regimes\": [\"{CertIn}\", \"eu-gdpr-art33\"]"));
        return (reporter, onTime, late);
    }

    private async Task RenameAsync(string organisationId, string? name, string? sector)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
        organisation.Name = name ?? organisation.Name;
        organisation.Sector = sector ?? organisation.Sector;
        await db.SaveChangesAsync();
    }

    private static string Percent(double? share, string language) =>
        share is { } s ? (s * 100).ToString("0.0", CultureInfo.GetCultureInfo(language)) : Say(language, "NoValue");

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_dashboard_shows_the_figures_the_API_answers_for_the_same_filters(string language)
    {
        var (reporter, _, _) = await OrganisationWithReportsAsync();
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var pages = await PageReader.SignInAsync(factory, oversight.Token);

        var (response, html) = await pages.GetAsync($"/oversight?from=2026-11-01&to=2026-11-30&regime={CertIn}", language);
        var api = await oversight.Client.GetNodeAsync($"/api/v1/compliance?regime={CertIn}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "DashboardTitle"), html, StringComparison.Ordinal);
        var rows = api["rows"]!.AsArray();
        Assert.Contains(rows, r => r!["organisation_id"]!.GetValue<string>() == reporter.OrganisationId);
        foreach (var row in rows)
        {
            var cells = OversightHtml.Row(html, $"data-organisation=\"{row!["organisation_id"]}\" data-regime=\"{row["regime"]}\"");
            Assert.Equal(row["organisation"]!.GetValue<string>(), cells[0]);
            Assert.Equal(CertIn, cells[1]);
            Assert.Equal(row["incidents"]!.ToString(), cells[2]);
            Assert.Equal(row["deadlines"]!.ToString(), cells[3]);
            Assert.Equal(row["met_on_time"]!.ToString(), cells[4]);
            Assert.Equal(Percent(row["on_time_rate"]?.GetValue<double>(), language), cells[5]);
            Assert.Equal(Percent(row["completeness_at_first_report"]?.GetValue<double>(), language), cells[8]);
            Assert.Equal(Percent(row["completeness_now"]?.GetValue<double>(), language), cells[9]);
        }
        var mine = rows.Single(r => r!["organisation_id"]!.GetValue<string>() == reporter.OrganisationId)!;
        Assert.Equal(2, mine["deadlines"]!.GetValue<int>());
        Assert.Equal(0.5, mine["on_time_rate"]!.GetValue<double>());
        // Only CERT-In was asked for: no GDPR row.
        Assert.DoesNotContain("data-regime=\"eu-gdpr-art33\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sector_filter_counts_the_same_organisations_as_the_API()
    {
        var sector = "banking-" + Guid.NewGuid().ToString("N")[..8];
        var (inBanking, _, _) = await OrganisationWithReportsAsync(sector: sector);
        var (elsewhere, _, _) = await OrganisationWithReportsAsync();
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var pages = await PageReader.SignInAsync(factory, oversight.Token);

        var (_, html) = await pages.GetAsync($"/oversight?sector={Uri.EscapeDataString(sector)}");
        var api = await oversight.Client.GetNodeAsync($"/api/v1/compliance?sector={Uri.EscapeDataString(sector)}&from=2025-12-01T00:00:00Z&to=2026-12-01T00:00:00Z");

        Assert.Equal([inBanking.OrganisationId, inBanking.OrganisationId], api["rows"]!.AsArray().Select(r => r!["organisation_id"]!.GetValue<string>()));
        Assert.Contains($"data-organisation=\"{inBanking.OrganisationId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-organisation=\"{elsewhere.OrganisationId}\"", html, StringComparison.Ordinal);
        var sectorRow = OversightHtml.Row(html, $"data-sector=\"{sector}\"");
        Assert.Equal([sector, "2", "3", "2", "66.7"], sectorRow);
    }

    // Issue 14, first use: a stage met late read "late by 24.5 h"; durations are shown to people in days and hours,
    // in the reader's language, in the same shape as the CLI's.
    [Theory]
    [InlineData("en", "1 d")]
    [InlineData("hi", "1 दिन")]
    public async Task A_stage_met_late_says_by_how_long_in_days_and_hours_in_the_readers_language(string language, string oneDay)
    {
        var (_, _, late) = await OrganisationWithReportsAsync();
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var pages = await PageReader.SignInAsync(factory, oversight.Token);

        var (_, html) = await pages.GetAsync($"/oversight/incidents/{late}", language);

        // Noticed 2026-11-29 03:30 UTC, due six hours later, filed at the server's 2026-11-30 10:00 UTC: 1 day 30 min late.
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, Say(language, "LateBy"), oneDay) + "<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task Each_chart_is_an_SVG_with_a_name_its_table_holds_its_values_and_its_CSV_holds_the_table(string language)
    {
        var (reporter, _, _) = await OrganisationWithReportsAsync();
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var pages = await PageReader.SignInAsync(factory, oversight.Token);

        var (_, html) = await pages.GetAsync($"/oversight?regime={CertIn}", language);

        foreach (var (chart, title) in new[] { ("on-time", "OnTimeChart"), ("delays", "DelayChart"), ("completeness", "CompletenessChart"), ("trend", "TrendChart") })
        {
            Assert.Matches($"<svg class=\"chart\" id=\"chart-{chart}\"[^>]*role=\"img\" aria-label=\"{Say(language, title)}\"", html);
            Assert.Contains($"<title id=\"chart-{chart}-title\">{Say(language, title)}</title>", html, StringComparison.Ordinal);
            Assert.Contains($"<desc id=\"chart-{chart}-desc\">", html, StringComparison.Ordinal);
            var table = OversightHtml.Table(html, $"chart-{chart}-table");
            var link = System.Text.RegularExpressions.Regex.Match(html, $"href=\"(/oversight/charts/{chart}\\.csv[^\"]*)\"").Groups[1].Value;
            var csv = await pages.Client.SendAsync(CsvRequest(link, pages, language));
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith($"oversight-{chart}-", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
            Assert.Equal(table, OversightHtml.Csv(await csv.Content.ReadAsStringAsync()));
        }

        // The on-time chart: the organisation's bar, its table row and the API's rate are one figure (1 of 2 on time).
        var api = await oversight.Client.GetNodeAsync($"/api/v1/compliance?regime={CertIn}&org={reporter.OrganisationId}");
        var rate = api["rows"]![0]!["on_time_rate"]!.GetValue<double>();
        Assert.Equal(0.5, rate);
        Assert.Equal("50", OversightHtml.ChartValue(html, "chart-on-time", reporter.OrganisationId!));
        var row = OversightHtml.Table(html, "chart-on-time-table").Single(r => r[0] == $"Org {reporter.OrganisationId}");
        Assert.Equal(["2", "1", Percent(rate, language)], row[2..]);
        // The late report came about 30.5 hours after its 6 hours: "1 to 3 days"; the trend's November holds both.
        Assert.NotEqual("0", OversightHtml.ChartValue(html, "chart-delays", "late-3d"));
        Assert.NotNull(OversightHtml.ChartValue(html, "chart-trend", "2026-11"));
    }

    private static HttpRequestMessage CsvRequest(string path, PageReader pages, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", pages.Cookies(language));
        return request;
    }

    [Fact]
    public async Task A_name_a_spreadsheet_would_run_is_defused_in_the_CSV_and_shown_as_it_is_on_the_page()
    {
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        var (hostile, _, _) = await OrganisationWithReportsAsync(name: Formula);
        var (plain, _, _) = await OrganisationWithReportsAsync(name: "Plain Telecom Ltd");
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var pages = await PageReader.SignInAsync(factory, oversight.Token);

        var (_, html) = await pages.GetAsync($"/oversight?regime={CertIn}");
        var csv = await (await pages.Client.SendAsync(CsvRequest($"/oversight/charts/on-time.csv?regime={CertIn}", pages, "en"))).Content.ReadAsStringAsync();

        Assert.Contains(OversightHtml.Table(html, "chart-on-time-table"), r => r[0] == Formula);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nPlain Telecom Ltd,", csv, StringComparison.Ordinal);
        Assert.All(OversightHtml.Csv(csv).SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal), cell));
        Assert.Equal(Formula, OversightHtml.Row(html, $"data-organisation=\"{hostile.OrganisationId}\" data-regime=\"{CertIn}\"")[0]);
        Assert.Equal("Plain Telecom Ltd", OversightHtml.Row(html, $"data-organisation=\"{plain.OrganisationId}\" data-regime=\"{CertIn}\"")[0]);
    }

    [Theory]
    [InlineData("en", "/oversight?from=yesterday", "from", "BadDate")]
    [InlineData("hi", "/oversight?from=yesterday", "from", "BadDate")]
    [InlineData("en", "/oversight?from=2026-11-30&to=2026-11-01", "to", "BadRange")]
    [InlineData("hi", "/oversight?regime=nis2", "regime", "UnknownRegime")]
    public async Task Filters_that_cannot_be_read_are_named_beside_their_field_with_a_400(string language, string path, string field, string message)
    {
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var pages = await PageReader.SignInAsync(factory, oversight.Token);

        var (response, html) = await pages.GetAsync(path, language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">{Say(language, message)}</a>", html, StringComparison.Ordinal);
        Assert.Matches($"id=\"{field}\"[^>]*aria-describedby=\"{field}-error\" aria-invalid=\"true\"", html);
        Assert.Contains($"<span class=\"field-error\" id=\"{field}-error\">{Say(language, message)}</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        var csv = await pages.Client.SendAsync(CsvRequest(path.Replace("/oversight?", "/oversight/charts/trend.csv?", StringComparison.Ordinal), pages, language));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_organisation_page_shows_its_figures_and_incidents_by_envelope_and_the_incident_page_its_timeline(string language)
    {
        var (reporter, onTime, late) = await OrganisationWithReportsAsync();
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (response, html) = await pages.GetAsync($"/oversight/organisations/{reporter.OrganisationId}", language);
        var api = await analyst.Client.GetNodeAsync($"/api/v1/compliance?org={reporter.OrganisationId}&from=2025-12-01T00:00:00Z&to=2026-12-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>Org {reporter.OrganisationId}</h1>", html, StringComparison.Ordinal);
        foreach (var row in api["rows"]!.AsArray())
        {
            var cells = OversightHtml.Row(html, $"data-organisation=\"{reporter.OrganisationId}\" data-regime=\"{row!["regime"]}\"");
            Assert.Equal([row["regime"]!.GetValue<string>(), row["incidents"]!.ToString(), row["deadlines"]!.ToString(), row["met_on_time"]!.ToString(),
                Percent(row["on_time_rate"]?.GetValue<double>(), language)], cells[..5]);
        }
        var lateRow = OversightHtml.Row(html, $"data-incident=\"{late}\"");
        Assert.Equal([late, "malicious-code"], lateRow[..2]);
        Assert.Equal(["1", "1"], lateRow[4..6]);
        Assert.Equal(["1", "0"], OversightHtml.Row(html, $"data-incident=\"{onTime}\"")[4..6]);
        Assert.DoesNotContain("VoIP stack exploited", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Crafted RTCP packets", html, StringComparison.Ordinal);

        var (incident, timeline) = await pages.GetAsync($"/oversight/incidents/{late}", language);
        Assert.Equal(HttpStatusCode.OK, incident.StatusCode);
        Assert.Contains("id=\"submission-1\"", timeline, StringComparison.Ordinal);
        Assert.Contains($"data-regime=\"{CertIn}\"", timeline, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"incident_report\" data-state=\"met_late\"", timeline, StringComparison.Ordinal);
        Assert.Contains("data-regime=\"eu-gdpr-art33\"", timeline, StringComparison.Ordinal);
        Assert.Contains("TLP:", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("VoIP stack exploited", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Crafted RTCP packets", timeline, StringComparison.Ordinal);

        var (missing, _) = await pages.GetAsync("/oversight/incidents/no-such-incident", language);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var (nowhere, _) = await pages.GetAsync("/oversight/organisations/no-such-organisation", language);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    [Fact]
    public async Task A_reporter_session_is_refused_and_a_bearer_token_opens_no_page()
    {
        var (reporter, onTime, _) = await OrganisationWithReportsAsync();
        var pages = await PageReader.SignInAsync(factory, reporter.Token);
        foreach (var path in new[] { "/oversight", $"/oversight/organisations/{reporter.OrganisationId}", $"/oversight/incidents/{onTime}", "/oversight/charts/on-time.csv" })
        {
            var (refused, html) = await pages.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("Org " + reporter.OrganisationId, html, StringComparison.Ordinal);
        }
        var (home, homeHtml) = await pages.GetAsync("/incidents");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("href=\"/oversight\"", homeHtml, StringComparison.Ordinal);

        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        using var bearer = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", oversight.Token);
        var withToken = await bearer.GetAsync("/oversight");
        Assert.True(withToken.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Unauthorized, withToken.StatusCode.ToString());
        var (_, oversightHome) = await (await PageReader.SignInAsync(factory, oversight.Token)).GetAsync("/incidents");
        Assert.Contains("href=\"/oversight\"", oversightHome, StringComparison.Ordinal);
    }
}
