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
        var advisory = Assert.Single(vulnerable["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "imported-advisory"
            && d["id"]!.GetValue<string>().EndsWith("#EXCERT-2019-0080", StringComparison.Ordinal))!;
        Assert.Contains("CVE-2019-3568", advisory["cve_ids"]!.AsArray().Select(c => c!.GetValue<string>()));
        var match = Assert.Single(advisory["matches"]!.AsArray())!;
        Assert.Equal("cpe", match["method"]!.GetValue<string>());
        Assert.Equal("WA-android-vuln", match["product"]!["reference"]!.GetValue<string>());
        Assert.Contains("2.19.134", advisory["remediation"]!["fixed_versions"]!.AsArray().Select(v => v!.GetValue<string>()));

        var patched = await anonymous.PostJsonAsync("/api/v1/affected", Products("2.19.134"));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.DoesNotContain((await patched.JsonAsync())["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "imported-advisory");
    }

    [Fact]
    public async Task An_imported_advisory_naming_the_app_through_a_relationship_says_which_and_a_fixed_version_is_not_reported()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var imported = await analyst.Client.PostJsonAsync("/api/v1/advisories/import", CsafSamples.WhatsApp2019InstalledOnAndroid().ToJsonString());
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        static string Sbom(string version) => $$"""
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
              {"type": "application", "name": "whatsapp", "version": "{{version}}", "cpe": "cpe:2.3:a:whatsapp:whatsapp:{{version}}:*:*:*:*:android:*:*"}]}
            """;

        var answer = await (await factory.CreateClient().PostJsonAsync("/api/v1/affected", Sbom("2.19.100"))).JsonAsync();
        var advisory = Assert.Single(answer["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>().EndsWith("#EXCERT-2019-0080-REL", StringComparison.Ordinal))!;
        var match = Assert.Single(advisory["matches"]!.AsArray())!;
        Assert.Equal(("cpe", "version-in-range", "known_affected", "WA-android-vuln-on-android"),
            (match["method"]!.GetValue<string>(), match["basis"]!.GetValue<string>(), match["status"]!.GetValue<string>(), match["product"]!["reference"]!.GetValue<string>()));
        Assert.Equal(("installed_on", "WA-android-vuln", "ANDROID"),
            (match["relationship"]!["category"]!.GetValue<string>(), match["relationship"]!["product_reference"]!.GetValue<string>(), match["relationship"]!["relates_to"]!.GetValue<string>()));
        Assert.Contains("relationship installed_on", match["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var patched = await (await factory.CreateClient().PostJsonAsync("/api/v1/affected", Sbom("2.19.134"))).JsonAsync();
        Assert.DoesNotContain(patched["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>().EndsWith("#EXCERT-2019-0080-REL", StringComparison.Ordinal));
    }
}
