using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Aggregation;
using Vigil.Server.Tests.Infrastructure;
using Import = Vigil.Server.Tests.Features.Advisories.AdvisoryImportTests<Vigil.Server.Tests.Infrastructure.VigilFactory>;

namespace Vigil.Server.Tests.Features.Advisories;

public sealed class AdvisoryImportRecordOnSqliteTests(VigilFactory factory) : AdvisoryImportRecordTests<VigilFactory>(factory)
{
    /// <summary>
    /// The advisory, its importer's grant and the event are one transaction: when the event cannot be stored (a trigger
    /// refuses it here), neither the advisory nor the grant is left behind, and the same bytes import cleanly later.
    /// </summary>
    [Fact]
    public async Task An_import_whose_event_cannot_be_stored_leaves_nothing_behind()
    {
        using var isolated = new VigilFactory();
        var analyst = await isolated.CreateActorAsync(Roles.Analyst);
        var document = StaticCsafProvider.DocumentIn(StaticCsafProvider.ExampleNamespace, "SP-ATOMIC-1", tlp: "RED");
        using (var connection = isolated.OpenDatabase())
        {
            Execute(connection, "CREATE TRIGGER refuse_import_event BEFORE INSERT ON record_events WHEN NEW.kind = 'advisory-imported' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        }

        var failed = await Import.ImportAsync(analyst.Client, document);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        using (var connection = isolated.OpenDatabase())
        {
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM imported_advisories"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM access_grants WHERE object_kind = 'advisory'"));
            Execute(connection, "DROP TRIGGER refuse_import_event");
        }
        Assert.Equal(HttpStatusCode.Created, (await Import.ImportAsync(analyst.Client, document)).StatusCode);
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class AdvisoryImportRecordOnPostgresTests(PostgresVigilFactory factory) : AdvisoryImportRecordTests<PostgresVigilFactory>(factory);

/// <summary>Finding "every administrative change is on the record": an analyst's import is an event, a leaf of the log.</summary>
public abstract class AdvisoryImportRecordTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task An_import_is_on_the_record_once_with_its_hash_tracking_and_label()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var trackingId = "SP-RECORD-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var document = StaticCsafProvider.DocumentIn(StaticCsafProvider.ExampleNamespace, trackingId, version: "2", releaseDate: "2024-02-01T00:00:00.000Z", tlp: "RED");

        var created = await (await Import.ImportAsync(analyst.Client, document)).JsonAsync();
        var again = await Import.ImportAsync(analyst.Client, document);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = created["id"]!.GetValue<long>();
        var recorded = Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/events?object_kind=advisory&object_id={id}")).AsArray())!;
        Assert.Equal(("advisory-imported", analyst.UserId), (recorded["kind"]!.GetValue<string>(), recorded["actor_id"]!.GetValue<string>()));
        var details = recorded["details"]!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document)), details["sha256"]!.GetValue<string>());
        Assert.Equal((trackingId, "2", "RED"), (details["tracking_id"]!.GetValue<string>(), details["version"]!.GetValue<string>(), details["tlp"]!.GetValue<string>()));
        // The grant saved with it: the importer, named on the RED advisory, reads it.
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync($"/api/v1/advisories/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_second_analyst_importing_held_RED_bytes_is_named_on_them_on_the_record()
    {
        var first = await factory.CreateActorAsync(Roles.Analyst);
        var second = await factory.CreateActorAsync(Roles.Analyst);
        var document = StaticCsafProvider.DocumentIn(StaticCsafProvider.ExampleNamespace, "SP-TWICE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), tlp: "RED");
        var id = (await (await Import.ImportAsync(first.Client, document)).JsonAsync())["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.GetAsync($"/api/v1/advisories/{id}")).StatusCode);

        var again = await Import.ImportAsync(second.Client, document);

        // The second analyst holds the very bytes: it is named on the stored advisory rather than answered with an error.
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        Assert.Equal(id, (await again.JsonAsync())["id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync($"/api/v1/advisories/{id}")).StatusCode);
        var events = (await first.Client.GetNodeAsync($"/api/v1/events?object_kind=advisory&object_id={id}")).AsArray();
        Assert.Equal([second.UserId, first.UserId], events.Select(e => e!["actor_id"]!.GetValue<string>()));
    }
}
