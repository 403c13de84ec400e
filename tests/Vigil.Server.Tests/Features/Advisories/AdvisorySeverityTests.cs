using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Advisories;

public sealed class AdvisorySeverityOnSqliteTests(VigilFactory factory) : AdvisorySeverityTests<VigilFactory>(factory);

public sealed class AdvisorySeverityOnPostgresTests(PostgresVigilFactory factory) : AdvisorySeverityTests<PostgresVigilFactory>(factory);

/// <summary>
/// Issue 14: an imported advisory without an aggregate severity showed an empty one in the affected answer (and the
/// organisation pages that print it). The advisory for CVE-2019-3568 (../shared/data/examples/excert-2019-0080.json,
/// see its SOURCES.md) gives none, and a CVSS v3.1 score rated CRITICAL.
/// </summary>
public abstract class AdvisorySeverityTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task The_affected_answer_names_the_severity_of_an_advisory_s_scores()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var bytes = await File.ReadAllBytesAsync(RepositoryPaths.File("..", "shared", "data", "examples", "excert-2019-0080.json"));
        var imported = await AdvisoryImportTests<TFactory>.ImportAsync(analyst.Client, bytes);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        Assert.Equal("critical", (await imported.JsonAsync())["severity"]?.GetValue<string>());
        var products = new JsonObject
        {
            ["products"] = new JsonArray(new JsonObject
            {
                ["vendor"] = "WhatsApp", ["product"] = "WhatsApp for Android", ["version"] = "2.19.100",
                ["cpe"] = "cpe:2.3:a:whatsapp:whatsapp:2.19.100:*:*:*:*:android:*:*",
            }),
        };

        var answer = await (await factory.CreateClient().PostJsonAsync("/api/v1/affected", products.ToJsonString())).JsonAsync();

        var advisory = Assert.Single(answer["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "imported-advisory")!;
        Assert.Equal("critical", advisory["severity"]!.GetValue<string>());
    }
}
