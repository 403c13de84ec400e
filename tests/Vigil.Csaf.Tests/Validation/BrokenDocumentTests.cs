using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

public class BrokenDocumentTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Broken");

    public static TheoryData<string> Numbers => [.. MandatoryTestSet.All.Select(test => test.Number)];

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Each_broken_document_is_rejected_naming_its_mandatory_test(string number)
    {
        var report = CsafValidator.Validate(File.ReadAllBytes(Path.Combine(Folder, $"{number}.json")));

        Assert.Contains(number, report.FailedTests);
        Assert.All(report.Findings.Where(f => f.Test == number), f => Assert.StartsWith("/", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void The_starting_document_is_valid()
    {
        var report = CsafValidator.Validate(File.ReadAllBytes(Path.Combine(Folder, "valid.json")));

        Assert.True(report.IsValid, string.Join("\n", report.Findings));
    }

    [Fact]
    public void There_is_one_broken_document_per_mandatory_test()
    {
        var files = Directory.EnumerateFiles(Folder, "6.1.*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(MandatoryTestSet.All.Select(t => t.Number).Order(StringComparer.Ordinal), files);
    }
}
