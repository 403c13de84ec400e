using System.Text.Json.Nodes;
using Vigil.Csaf.Validation;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>
/// Vigil's own checker (Vigil.Csaf) and the official validator fail the same mandatory tests on every deliberately
/// broken document, and both pass the official examples.
/// </summary>
public sealed class CsafCheckerAgreementTests
{
    [Fact]
    public async Task Both_checkers_fail_the_same_tests_on_each_broken_document_and_pass_the_examples()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.File("tests", "Vigil.Csaf.Tests", "Broken"), "*.json")
            .Concat(Advisories.CsafFiles.OfficialExamples).Order(StringComparer.Ordinal).ToList();
        var documents = files.Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();

        var official = await OfficialCsafValidator.ValidateAsync(documents);

        var disagreements = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var theirs = official[i].Failures.Select(f => f.Split(' ')[0])
                .Where(t => t.StartsWith("mandatoryTest_", StringComparison.Ordinal))
                .Select(t => t["mandatoryTest_".Length..].Replace('_', '.')).Distinct().Order(StringComparer.Ordinal);
            var ours = CsafValidator.Validate(File.ReadAllBytes(files[i])).FailedTests
                .Where(t => t.StartsWith("6.1.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
            if (!theirs.SequenceEqual(ours))
            {
                disagreements.Add($"{Path.GetFileName(files[i])}: official [{string.Join(", ", theirs)}], Vigil [{string.Join(", ", ours)}]");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.Equal(43 + 1 + 19, files.Count);
    }
}
