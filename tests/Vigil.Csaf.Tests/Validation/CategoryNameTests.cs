using System.Text;
using System.Text.Json.Nodes;
using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

public class CategoryNameTests
{
    [Theory]
    [InlineData("csafsecurityadvisory", true)]
    [InlineData("Security Advisory", true)]
    [InlineData("v-e-x", true)]
    [InlineData("informational_advisory", true)]
    [InlineData("csaf_custom", true)]
    [InlineData("CSAF_Custom", true)]
    [InlineData("vendor_bulletin", false)]
    [InlineData("csaf_base", false)]
    [InlineData("security_note", false)]
    public void Category_names_that_imitate_a_profile_or_take_its_prefix_fail_6_1_26(string category, bool fails)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Broken", "valid.json")))!;
        document["document"]!["category"] = category;

        var report = CsafValidator.Validate(Encoding.UTF8.GetBytes(document.ToJsonString()));

        Assert.Equal(fails, report.FailedTests.Contains("6.1.26"));
    }
}
