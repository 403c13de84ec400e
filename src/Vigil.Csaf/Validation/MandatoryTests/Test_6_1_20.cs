using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.20 Non-draft Document Version: a final or interim document's version has no pre-release part.</summary>
internal sealed class Test_6_1_20 : IMandatoryTest
{
    public string Number => "6.1.20";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var (status, versionText) = RevisionHistoryItem.Tracking(document);
        if (status is "final" or "interim" && DocumentVersion.Parse(versionText) is { IsPreRelease: true })
        {
            yield return new CsafFinding(Number, "/document/tracking/version", $"a {status} document cannot be at pre-release {versionText}");
        }
    }
}
