using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>
/// Issue 14, CSAF, "the affected answer prints every remediation of a document": an imported advisory's answer gives
/// only the remediations whose <c>product_ids</c>, or <c>group_ids</c> through the product groups, name the matched
/// product. The advisory is the official 2022-evd-uc-07-001 (../shared/data/csaf/2.0/examples/csaf/csaf_vex): ABC is
/// to be updated to 4.2, JKL to 5.1. It has no TLP label, so it is kept AMBER and asked about by staff.
/// </summary>
public sealed class AffectedRemediationTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task Only_the_remediations_naming_the_matched_product_are_given()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var advisory = CsafSamples.Official("csaf_vex/2022-evd-uc-07-001.json");
        var imported = await analyst.Client.PostJsonAsync("/api/v1/advisories/import", advisory.ToJsonString());
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        Assert.Equal("Update to version 4.2 or later.", await CountermeasuresAsync(analyst.Client, "ABC", "3.0", "2022-EVD-UC-07-001"));
        Assert.Equal("Update to the new version 5.1 or later.", await CountermeasuresAsync(analyst.Client, "JKL", "4.7", "2022-EVD-UC-07-001"));
    }

    [Fact]
    public async Task A_remediation_naming_a_product_group_applies_to_the_group_s_products()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var advisory = CsafSamples.Official("csaf_vex/2022-evd-uc-07-001.json");
        advisory["document"]!["tracking"]!["id"] = "2022-EVD-UC-07-001-GROUPS";
        advisory["product_tree"]!["product_groups"] = new JsonArray(new JsonObject
        {
            ["group_id"] = "CSAFGID-0001", ["product_ids"] = new JsonArray("CSAFPID-0008", "CSAFPID-0010"),
        });
        var jkl = advisory["vulnerabilities"]![0]!["remediations"]![1]!.AsObject();
        jkl.Remove("product_ids");
        jkl["group_ids"] = new JsonArray("CSAFGID-0001");
        var imported = await analyst.Client.PostJsonAsync("/api/v1/advisories/import", advisory.ToJsonString());
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        Assert.Equal("Update to the new version 5.1 or later.", await CountermeasuresAsync(analyst.Client, "JKL", "4.7", "2022-EVD-UC-07-001-GROUPS"));
        Assert.Equal("Update to version 4.2 or later.", await CountermeasuresAsync(analyst.Client, "ABC", "2.4", "2022-EVD-UC-07-001-GROUPS"));
    }

    private static async Task<string> CountermeasuresAsync(HttpClient client, string product, string version, string trackingId)
    {
        var body = new JsonObject
        {
            ["products"] = new JsonArray(new JsonObject { ["vendor"] = "Example Company", ["product"] = product, ["version"] = version }),
        }.ToJsonString();
        var answer = await (await client.PostJsonAsync("/api/v1/affected", body)).JsonAsync();
        var document = Assert.Single(answer["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>().EndsWith($"#{trackingId}", StringComparison.Ordinal))!;
        return document["remediation"]!["countermeasures"]!.GetValue<string>();
    }
}
