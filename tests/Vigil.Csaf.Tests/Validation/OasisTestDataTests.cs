using System.Text.RegularExpressions;
using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

/// <summary>
/// The CSAF TC's own test documents: "-6-1-NN-0x" files fail mandatory test 6.1.NN, "-6-1-NN-1x" files pass every
/// mandatory test, and the documents of an optional test ("-6-2-NN-xx"), failing or valid for it, pass every mandatory
/// test (issue 14: 6.1.31 must match whole words, so "after-eight" is a version; 6.1.10 must check only the metrics
/// the vector gives, so the 6.2.19 documents giving a JSON value for a metric absent from the vector are valid).
/// </summary>
public partial class OasisTestDataTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OasisTestData");

    public static TheoryData<string> Files => [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_document_passes_or_fails_as_the_tc_says(string file)
    {
        var match = TestNumber().Match(file);
        var number = $"6.{match.Groups["part"].Value}.{int.Parse(match.Groups["test"].Value, System.Globalization.CultureInfo.InvariantCulture)}";

        var report = CsafValidator.Validate(File.ReadAllBytes(Path.Combine(Folder, file)));

        if (match.Groups["part"].Value == "1" && match.Groups["kind"].Value == "0")
        {
            Assert.Contains(number, report.FailedTests);
        }
        else
        {
            Assert.True(report.IsValid, string.Join("\n", report.Findings));
        }
    }

    [GeneratedRegex(@"-6-(?<part>[12])-(?<test>\d\d)-(?<kind>[01])\d\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex TestNumber();
}
