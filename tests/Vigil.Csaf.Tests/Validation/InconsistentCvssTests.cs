using System.Text.Json.Nodes;
using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

/// <summary>
/// Issue 14, test 6.1.10: only the metrics the vector gives are compared with the JSON. The TC's document 6.2.19-11
/// (OasisTestData) writes MC:N/MI:N/MA:N in its vector, so a JSON value contradicting those still fails 6.1.10, and
/// one for a metric the vector leaves out does not.
/// </summary>
public sealed class InconsistentCvssTests
{
    private static readonly string Document = Path.Combine(AppContext.BaseDirectory, "OasisTestData", "oasis_csaf_tc-csaf_2_0-2021-6-2-19-11.json");

    [Fact]
    public void A_metric_the_vector_gives_and_the_json_contradicts_fails_6_1_10_at_its_property()
    {
        var report = Validate(cvss => cvss["modifiedConfidentialityImpact"] = "HIGH");

        var finding = Assert.Single(report.Findings);
        Assert.Equal("6.1.10", finding.Test);
        Assert.Equal("/vulnerabilities/0/scores/0/cvss_v3/modifiedConfidentialityImpact", finding.Path);
    }

    [Fact]
    public void A_metric_the_vector_leaves_out_may_have_any_value_in_the_json()
    {
        var report = Validate(cvss =>
        {
            cvss["exploitCodeMaturity"] = "HIGH";
            cvss["modifiedAttackVector"] = "PHYSICAL";
        });

        Assert.True(report.IsValid, string.Join("\n", report.Findings));
    }

    private static CsafValidationReport Validate(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(Document))!;
        change(document["vulnerabilities"]![0]!["scores"]![0]!["cvss_v3"]!.AsObject());
        return CsafValidator.Validate(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
    }
}
