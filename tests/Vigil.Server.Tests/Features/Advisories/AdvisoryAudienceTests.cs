using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Aggregation;
using Vigil.Server.Tests.Infrastructure;
using Import = Vigil.Server.Tests.Features.Advisories.AdvisoryImportTests<Vigil.Server.Tests.Infrastructure.VigilFactory>;

namespace Vigil.Server.Tests.Features.Advisories;

public sealed class AdvisoryAudienceOnSqliteTests(VigilFactory factory) : AdvisoryAudienceTests<VigilFactory>(factory);

public sealed class AdvisoryAudienceOnPostgresTests(PostgresVigilFactory factory) : AdvisoryAudienceTests<PostgresVigilFactory>(factory);

/// <summary>
/// Finding "imported advisories by TLP": RED to the people named on it (its importer), AMBER to the CERT and the
/// organisations it is shared with, GREEN to anyone signed in, CLEAR to anyone; through the list, one advisory and its
/// document alike. Importing and reading the providers' runs are for staff (analysts and admins) only.
/// </summary>
public abstract class AdvisoryAudienceTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Each_label_reaches_exactly_its_audience_through_every_read()
    {
        var importer = await factory.CreateActorAsync(Roles.Analyst);
        var colleague = await factory.CreateActorAsync(Roles.Analyst);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var sharedWith = await factory.CreateActorAsync(Roles.Reporter);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var anonymous = factory.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var ids = new Dictionary<string, long>();
        foreach (var csafLabel in new[] { "RED", "AMBER", "GREEN", "WHITE" })
        {
            var response = await Import.ImportAsync(importer.Client, StaticCsafProvider.DocumentIn(StaticCsafProvider.ExampleNamespace, $"SP-TLP-{tag}-{csafLabel}", tlp: csafLabel));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids[csafLabel] = (await response.JsonAsync())["id"]!.GetValue<long>();
        }
        await ShareAsync(ids["AMBER"], sharedWith.OrganisationId!);

        await AssertReadsAsync(importer.Client, ids, tag, ["RED", "AMBER", "GREEN", "WHITE"]);
        await AssertReadsAsync(colleague.Client, ids, tag, ["AMBER", "GREEN", "WHITE"]);
        await AssertReadsAsync(admin.Client, ids, tag, ["AMBER", "GREEN", "WHITE"]);
        await AssertReadsAsync(sharedWith.Client, ids, tag, ["AMBER", "GREEN", "WHITE"]);
        await AssertReadsAsync(reporter.Client, ids, tag, ["GREEN", "WHITE"]);
        await AssertReadsAsync(oversight.Client, ids, tag, ["GREEN", "WHITE"]);
        await AssertReadsAsync(anonymous, ids, tag, ["WHITE"]);
    }

    [Fact]
    public async Task Staff_import_and_read_runs_and_no_one_else_does()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var document = StaticCsafProvider.DocumentIn(StaticCsafProvider.ExampleNamespace, "SP-ADMIN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Created, (await Import.ImportAsync(admin.Client, document)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Import.ImportAsync(reporter.Client, document)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Import.ImportAsync(oversight.Client, document)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Import.ImportAsync(factory.CreateClient(), document)).StatusCode);
        foreach (var path in new[] { "/api/v1/advisories/providers", "/api/v1/advisories/providers/1", "/api/v1/advisories/providers/1/runs" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await oversight.Client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/advisories/providers")).StatusCode);
    }

    private static async Task AssertReadsAsync(HttpClient client, Dictionary<string, long> ids, string tag, string[] readable)
    {
        var listed = (await client.GetNodeAsync("/api/v1/advisories")).AsArray()
            .Select(a => a!["tracking_id"]!.GetValue<string>()).Where(t => t.Contains(tag, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(readable.Select(label => $"SP-TLP-{tag}-{label}").Order(StringComparer.Ordinal), listed);
        foreach (var (label, id) in ids)
        {
            var expected = readable.Contains(label) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(expected, (await client.GetAsync($"/api/v1/advisories/{id}")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync($"/api/v1/advisories/{id}/document")).StatusCode);
        }
    }

    /// <summary>Shares an AMBER advisory with an organisation as a grant row, as the CERT's sharing does.</summary>
    private async Task ShareAsync(long advisoryId, string organisationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        db.AccessGrants.Add(new AccessGrant
        {
            ObjectKind = AudienceFilters.Advisory, ObjectId = advisoryId.ToString(CultureInfo.InvariantCulture), OrganisationId = organisationId,
            GrantedAt = factory.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }
}
