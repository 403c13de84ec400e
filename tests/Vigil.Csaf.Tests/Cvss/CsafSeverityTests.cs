using System.Text.Json;
using Vigil.Csaf.Cvss;

namespace Vigil.Csaf.Tests.Cvss;

/// <summary>
/// Issue 14: an imported advisory's severity comes from its document: the highest CVSS base severity of its scores
/// (v3.x, v2.0 rated by NVD's ranges, v4.0 in CSAF 2.1's metrics), else its aggregate severity. The documents are the
/// official CSAF 2.0 examples (../shared/data/csaf/2.0/examples) and the TC's test documents (OasisTestData).
/// </summary>
public sealed class CsafSeverityTests
{
    [Theory]
    [InlineData("bsi-2022-0001.json", "medium")] // CVSS 6.1 MEDIUM beats the aggregate "Moderate"
    [InlineData("cisco-sa-20180328-smi2.json", "critical")]
    [InlineData("rhsa-2019_1862.json", "Low")] // no score: the aggregate severity as written
    [InlineData("rhsa-2021_5217.json", "Important")]
    [InlineData("csaf_vex/2022-evd-uc-08-001.json", "critical")] // CRITICAL and MEDIUM scores: the highest
    [InlineData("csaf_vex/2022-evd-uc-01-a-001.json", null)]
    public void An_official_example_has_the_severity_its_scores_or_aggregate_give(string file, string? severity) =>
        Assert.Equal(severity, Of(Path.Combine(SharedData.CsafExamples, file)));

    [Theory]
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-13.json", "medium")] // CVSS v2.0 base score 6.8
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-11.json", "medium")] // CVSS v3.1 MEDIUM
    public void A_tc_document_has_the_severity_of_its_score(string file, string severity) =>
        Assert.Equal(severity, Of(Path.Combine(AppContext.BaseDirectory, "OasisTestData", file)));

    [Fact]
    public void A_csaf_2_1_score_counts_with_cvss_v4()
    {
        using var document = JsonDocument.Parse("""
            {"vulnerabilities": [{"metrics": [
              {"content": {"cvss_v3": {"version": "3.1", "baseScore": 5.0, "baseSeverity": "MEDIUM"}}},
              {"content": {"cvss_v4": {"version": "4.0", "baseScore": 8.7, "baseSeverity": "HIGH"}}}
            ]}]}
            """);

        Assert.Equal("high", CsafSeverity.Of(document.RootElement));
    }

    private static string? Of(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return CsafSeverity.Of(document.RootElement);
    }
}
