using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.16 Latest Document Version: the document version is the number of the latest revision by date
/// (build metadata ignored; a pre-release part ignored too while the document is a draft).</summary>
internal sealed class Test_6_1_16 : IMandatoryTest
{
    public string Number => "6.1.16";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var (status, versionText) = RevisionHistoryItem.Tracking(document);
        var latest = RevisionHistoryItem.ByDate(document).LastOrDefault();
        if (DocumentVersion.Parse(versionText) is not { } version || latest?.Version is not { } latestVersion) { yield break; }
        if (status == "draft")
        {
            version = version with { PreRelease = null };
            latestVersion = latestVersion with { PreRelease = null };
        }
        if (!version.SameAs(latestVersion))
        {
            yield return new CsafFinding(Number, "/document/tracking/version",
                $"version {versionText} is not the latest revision's number {latest.Number}");
        }
    }
}
