using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>Other publishers' imported advisories answer "am I affected?" beside Vigil's own notes.</summary>
public sealed class ImportedAdvisoryExposureTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task An_imported_advisory_affects_a_vulnerable_version_by_cpe_and_not_the_fixed_one()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        // A CSAF 2.0 advisory for CVE-2019-3568 with vers ranges and CPEs (../shared/data/examples, see its SOURCES.md).
        var bytes = await File.ReadAllBytesAsync(RepositoryPaths.File("..", "shared", "data", "examples", "excert-2019-0080.json"));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var imported = await analyst.Client.PostAsync("/api/v1/advisories/import", content);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        static string Products(string version) => new JsonObject
        {
            ["products"] = new JsonArray(new JsonObject
            {
                ["vendor"] = "WhatsApp",
                ["product"] = "WhatsApp for Android",
                ["version"] = version,
                ["cpe"] = $"cpe:2.3:a:whatsapp:whatsapp:{version}:*:*:*:*:android:*:*",
            }),
        }.ToJsonString();

        var anonymous = factory.CreateClient();
        var vulnerable = await (await anonymous.PostJsonAsync("/api/v1/affected", Products("2.19.100"))).JsonAsync();
        var advisory = Assert.Single(vulnerable["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "imported-advisory")!;
        Assert.Contains("CVE-2019-3568", advisory["cve_ids"]!.AsArray().Select(c => c!.GetValue<string>()));
        var match = Assert.Single(advisory["matches"]!.AsArray())!;
        Assert.Equal("cpe", match["method"]!.GetValue<string>());
        Assert.Equal("WA-android-vuln", match["product"]!["reference"]!.GetValue<string>());
        Assert.Contains("2.19.134", advisory["remediation"]!["fixed_versions"]!.AsArray().Select(v => v!.GetValue<string>()));

        var patched = await anonymous.PostJsonAsync("/api/v1/affected", Products("2.19.134"));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.DoesNotContain((await patched.JsonAsync())["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "imported-advisory");
    }
}
