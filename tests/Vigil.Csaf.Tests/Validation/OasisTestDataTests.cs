using System.Text.RegularExpressions;
using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

/// <summary>The CSAF TC's own test documents: "-0x" files fail their test, "-1x" files pass every mandatory test.</summary>
public partial class OasisTestDataTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OasisTestData");

    public static TheoryData<string> Files => [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_document_passes_or_fails_as_the_tc_says(string file)
    {
        var match = TestNumber().Match(file);
        var number = $"6.1.{int.Parse(match.Groups["test"].Value, System.Globalization.CultureInfo.InvariantCulture)}";

        var report = CsafValidator.Validate(File.ReadAllBytes(Path.Combine(Folder, file)));

        if (match.Groups["kind"].Value == "0")
        {
            Assert.Contains(number, report.FailedTests);
        }
        else
        {
            Assert.True(report.IsValid, string.Join("\n", report.Findings));
        }
    }

    [GeneratedRegex(@"-6-1-(?<test>\d\d)-(?<kind>[01])\d\.json$")]
    private static partial Regex TestNumber();
}
