using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

public class OfficialExampleTests
{
    public static TheoryData<string> Examples => [.. SharedData.OfficialExamples.Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_official_example_is_valid(string file)
    {
        var path = SharedData.OfficialExamples.Single(p => Path.GetFileName(p) == file);

        var report = CsafValidator.Validate(File.ReadAllBytes(path));

        Assert.True(report.IsValid, string.Join("\n", report.Findings));
    }

    [Fact]
    public void The_examples_are_all_there()
    {
        Assert.Equal(19, SharedData.OfficialExamples.Count());
    }
}
