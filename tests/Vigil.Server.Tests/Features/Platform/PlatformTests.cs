using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Platform;

public sealed class PlatformOnSqliteTests(VigilFactory factory) : PlatformTests<VigilFactory>(factory);

public sealed class PlatformOnPostgresTests(PostgresVigilFactory factory) : PlatformTests<PostgresVigilFactory>(factory);

public abstract class PlatformTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Health_answers_when_the_database_does()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_running_app_serves_an_openapi_3_1_document_and_a_reference_page()
    {
        var client = factory.CreateClient();
        var document = await client.GetNodeAsync("/openapi/v1.json");
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/incidents", "/api/v1/incidents/{id}/updates", "/api/v1/incidents/{id}/history", "/api/v1/incidents/{id}/status", "/api/v1/organisations", "/api/v1/users" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
        }
        Assert.NotNull(paths["/api/v1/incidents"]!["post"]!["requestBody"]);
        var page = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        // The reference is rendered on the server from the same document: it runs no script of its own.
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/docs/incidents\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/openapi/v1.json\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_submission()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report());
        using var db = factory.OpenDatabase();
        foreach (var sql in new[] { "UPDATE submissions SET content = '{}' WHERE incident_id = @id", "DELETE FROM submissions WHERE incident_id = @id" })
        {
            using var command = db.Command(sql, ("id", id));
            var error = Assert.ThrowsAny<System.Data.Common.DbException>(() => command.ExecuteNonQuery());
            Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
        }
        Assert.Single((await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray());
    }

    [Fact]
    public async Task The_stored_content_is_the_canonical_json_that_was_received()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync("""{ "title":"T", "category":"data-leak", "description":"D", "detected_at":"2026-11-29T09:00:00+05:30", "affected_users":{"total":10,"as_of":"2026-11-29T09:00:00+05:30"} }""");
        using var db = factory.OpenDatabase();
        Assert.Equal(
            """{"affected_users":{"as_of":"2026-11-29T09:00:00+05:30","total":10},"category":"data-leak","description":"D","detected_at":"2026-11-29T09:00:00+05:30","title":"T"}""",
            Assert.Single(db.Strings("SELECT content FROM submissions WHERE incident_id = @id", ("id", id))));
    }
}
