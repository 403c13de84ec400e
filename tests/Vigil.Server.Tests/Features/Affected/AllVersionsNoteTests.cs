using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Exposure;
using Vigil.Domain.Notes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Csaf;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>
/// Issue 14, CSAF, version ranges: the notes' matching ("Who would this hit?", exposure) reads ranges as the affected
/// answer does. A note may say "all versions" as CSAF requires it to be written, <c>vers:all/*</c>, and every
/// version of the product (or a component without a version) is then hit.
/// </summary>
public sealed class AllVersionsNoteTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Theory]
    [InlineData("0.9")]
    [InlineData("17.3.1")]
    [InlineData(null)]
    public void A_note_on_all_versions_is_accepted_and_hits_every_version(string? version)
    {
        var body = NoteSamples.Minimal();
        var product = body["products"]![0]!.AsObject();
        product["affected"] = new JsonArray("vers:all/*");
        product.Remove("fixed");

        var (content, errors) = NoteReader.Read(JsonSerializer.SerializeToElement(body));

        Assert.Empty(errors);
        var index = new ExposureIndex(NoteProductEntry.From("VIGN-TEST", content!));
        var hit = Assert.Single(index.Match([new InventoryComponent("/products/0", "Example Router", "Example Networks", version, null, null)]));
        Assert.Equal((MatchBasis.VersionInRange, "vers:all/*"), (hit.Basis, hit.Range));
    }

    [Fact]
    public async Task A_published_note_on_all_versions_is_valid_CSAF_and_answers_a_component_without_a_version()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var body = NoteSamples.Minimal("All versions of the example gateway");
        var product = body["products"]![0]!.AsObject();
        product["product"] = "Example Gateway";
        product.Remove("purl");
        product.Remove("fixed");
        product["affected"] = new JsonArray("vers:all/*");
        var id = await AffectedSamples.PublishAsync(analyst.Client, body);

        var path = new Uri((await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;
        var csaf = JsonNode.Parse(await factory.CreateClient().GetStringAsync(path))!;
        var result = Assert.Single(await OfficialCsafValidator.ValidateAsync([csaf]));
        Assert.True(result.IsValid && result.Failures.Count == 0, string.Join("; ", result.Failures));

        // An SBOM component may come without a version (a product list may not).
        const string Sbom = """{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "firmware", "name": "Example Gateway"}]}""";
        var answer = await (await factory.CreateClient().PostJsonAsync("/api/v1/affected", Sbom)).JsonAsync();
        var match = Assert.Single(Assert.Single(answer["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == id)!["matches"]!.AsArray())!;
        Assert.Equal(("version-in-range", "vers:all/*"), (match["basis"]!.GetValue<string>(), match["range"]!.GetValue<string>()));
        Assert.Contains("every version", match["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
