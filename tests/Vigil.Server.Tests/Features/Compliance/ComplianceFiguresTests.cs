using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Compliance;

public sealed class ComplianceFiguresOnSqliteTests(VigilFactory factory) : ComplianceFiguresTests<VigilFactory>(factory);

public sealed class ComplianceFiguresOnPostgresTests(PostgresVigilFactory factory) : ComplianceFiguresTests<PostgresVigilFactory>(factory);

public abstract class ComplianceFiguresTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Oversight_sees_figures_for_every_organisation_a_reporter_its_own_and_nobody_sees_content()
    {
        var first = await factory.CreateActorAsync(Roles.Reporter);
        var second = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        // Noticed 2026-11-29 09:00 IST, filed from 2026-11-30 10:00 UTC: late for CERT-In's 6 hours, on time for GDPR's 72.
        var secret = await first.Client.FileAsync(Api.Report(title: "Secret title", extra: "\"regimes\": [\"in-cert-in-2022\", \"eu-gdpr-art33\"]"));
        await first.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        await second.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));

        var all = await oversight.Client.GetNodeAsync("/api/v1/compliance?regime=in-cert-in-2022&from=2026-11-29T00:00:00Z&to=2026-11-30T00:00:00Z");
        var rows = all["rows"]!.AsArray().Where(r => r!["organisation_id"]!.GetValue<string>() == first.OrganisationId
            || r["organisation_id"]!.GetValue<string>() == second.OrganisationId).ToList();
        Assert.Equal(2, rows.Count);
        var mine = rows.Single(r => r!["organisation_id"]!.GetValue<string>() == first.OrganisationId)!;
        Assert.Equal(2, mine["incidents"]!.GetValue<int>());
        Assert.Equal(2, mine["deadlines"]!.GetValue<int>());
        Assert.Equal(0, mine["on_time_rate"]!.GetValue<double>());
        Assert.InRange(mine["median_hours_to_first_report"]!.GetValue<double>(), 30.5, 30.6);
        // Category, description and detected_at of CERT-In's twelve required fields.
        Assert.Equal(0.25, mine["completeness_at_first_report"]!.GetValue<double>());
        Assert.DoesNotContain("Secret title", all.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await oversight.Client.GetAsync($"/api/v1/incidents/{secret}")).StatusCode);

        var own = await first.Client.GetNodeAsync("/api/v1/compliance");
        Assert.All(own["rows"]!.AsArray(), r => Assert.Equal(first.OrganisationId, r!["organisation_id"]!.GetValue<string>()));
        Assert.Equal(["eu-gdpr-art33", "in-cert-in-2022"], own["rows"]!.AsArray().Select(r => r!["regime"]!.GetValue<string>()));
        Assert.Equal(1, own["rows"]![0]!["on_time_rate"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.NotFound, (await first.Client.GetAsync($"/api/v1/compliance?org={second.OrganisationId}")).StatusCode);
    }

    [Fact]
    public async Task Accept_text_csv_gives_the_same_rows_as_csv()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        await reporter.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"eu-nis2-art23\"]"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await reporter.Client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("organisation_id,organisation,regime,incidents,deadlines,met_on_time,on_time_rate,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{reporter.OrganisationId},Org {reporter.OrganisationId},eu-nis2-art23,1,1,0,0,", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sector_narrows_the_figures_to_its_organisations()
    {
        var banking = await factory.CreateActorAsync(Roles.Reporter);
        var telecom = await factory.CreateActorAsync(Roles.Reporter);
        var sector = "banking-" + Guid.NewGuid().ToString("N");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            (await db.Organisations.SingleAsync(o => o.Id == banking.OrganisationId)).Sector = sector;
            await db.SaveChangesAsync();
        }
        await banking.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        await telecom.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        var oversight = await factory.CreateActorAsync(Roles.Oversight);

        var figures = await oversight.Client.GetNodeAsync($"/api/v1/compliance?sector={sector}");

        Assert.Equal([banking.OrganisationId], figures["rows"]!.AsArray().Select(r => r!["organisation_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_parameters_are_named()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var response = await analyst.Client.GetAsync("/api/v1/compliance?regime=nis2&from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["from", "regime"], await response.ProblemPointersAsync());
    }
}
