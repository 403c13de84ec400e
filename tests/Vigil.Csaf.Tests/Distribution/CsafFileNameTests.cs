using System.Text.Json;
using Vigil.Csaf.Distribution;

namespace Vigil.Csaf.Tests.Distribution;

/// <summary>
/// Issue 14, CSAF section 5.1: each run of characters outside [+\-a-z0-9] becomes ONE underscore. The examples are the
/// specification's own (section 5.1, CSAF 2.0 and the 2.1 draft, which adds <c>2022_#01-A</c>) and the TC's test
/// documents, whose file names are made from their tracking ids by that rule.
/// </summary>
public sealed class CsafFileNameTests
{
    [Theory]
    [InlineData("cisco-sa-20190513-secureboot", "cisco-sa-20190513-secureboot.json")]
    [InlineData("Example Company - 2019-YH3234", "example_company_-_2019-yh3234.json")]
    [InlineData("RHBA-2019:0024", "rhba-2019_0024.json")]
    [InlineData("2022_#01-A", "2022_01-a.json")]
    [InlineData("OASIS_CSAF_TC-CSAF_2.0-2021-TEMPLATE", "oasis_csaf_tc-csaf_2_0-2021-template.json")]
    [InlineData("OASIS_:_CSAF_TC-CSAF_2.0-2021-TEMPLATE", "oasis_csaf_tc-csaf_2_0-2021-template.json")]
    [InlineData("A+B  (c)", "a+b_c_.json")]
    public void A_run_of_other_characters_is_one_underscore(string trackingId, string fileName) =>
        Assert.Equal(fileName, CsafFileName.Of(trackingId));

    [Fact]
    public void Every_tc_test_document_is_named_by_the_rule()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OasisTestData");
        var named = Directory.EnumerateFiles(folder, "oasis_*.json").ToList();

        Assert.NotEmpty(named);
        Assert.All(named, file =>
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var id = document.RootElement.GetProperty("document").GetProperty("tracking").GetProperty("id").GetString()!;
            Assert.Equal(Path.GetFileName(file), CsafFileName.Of(id));
        });
    }
}
