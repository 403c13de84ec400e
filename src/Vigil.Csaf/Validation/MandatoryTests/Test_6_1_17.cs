using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.17 Document Status Draft: a document at version 0, 0.y.z or a pre-release is a draft.</summary>
internal sealed class Test_6_1_17 : IMandatoryTest
{
    public string Number => "6.1.17";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var (status, versionText) = RevisionHistoryItem.Tracking(document);
        if (status is not null && status != "draft" && DocumentVersion.Parse(versionText) is { } version && (version.IsBeforeFirstRelease || version.IsPreRelease))
        {
            yield return new CsafFinding(Number, "/document/tracking/status", $"version {versionText} requires status draft, not {status}");
        }
    }
}
