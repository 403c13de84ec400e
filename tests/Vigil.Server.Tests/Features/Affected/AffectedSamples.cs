using System.Text.Json.Nodes;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>The SBOMs under Sboms/, and the 2019 note with a purl given for its Android app so that purls can match too.</summary>
public static class AffectedSamples
{
    public const string AndroidPurl = "pkg:generic/whatsapp/whatsapp-android";

    public static string Sbom(string specVersion, string version = "2.19.100") =>
        File.ReadAllText(RepositoryPaths.File("tests", "Vigil.Server.Tests", "Features", "Affected", "Sboms", $"field-phone-cyclonedx-{specVersion}.json"))
            .Replace("2.19.100", version, StringComparison.Ordinal);

    public static JsonObject Note2019WithPurl(string tlp = "CLEAR")
    {
        var note = NoteSamples.Cve20193568(tlp);
        note["products"]![0]!["purl"] = AndroidPurl;
        return note;
    }

    public static async Task<string> PublishAsync(HttpClient analyst, JsonObject note)
    {
        var id = await analyst.CreateNoteAsync(note);
        await analyst.PublishNoteAsync(id);
        return id;
    }
}
