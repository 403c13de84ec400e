using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Exposure;
using Vigil.Domain.Notes;
using Vigil.Server.Tests.Features.Notes;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>
/// Issue 14, CSAF, version ranges: the notes' matching ("Who would this hit?", exposure) reads ranges as the affected
/// answer does. A note may say "all versions" as CSAF requires it to be written, <c>vers:all/*</c>, and every
/// version of the product (or a component without a version) is then hit.
/// </summary>
public sealed class AllVersionsNoteTests
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
}
