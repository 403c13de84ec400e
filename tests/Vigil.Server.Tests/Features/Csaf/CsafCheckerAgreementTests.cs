using System.Text;
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

    [Fact]
    public async Task Both_checkers_fail_the_same_tests_on_randomly_altered_examples()
    {
        var random = new Random(2026);
        var examples = Advisories.CsafFiles.OfficialExamples.Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
        var documents = Enumerable.Range(0, 400).Select(_ => CsafDocumentMutations.Mutate(examples[random.Next(examples.Count)], random)).ToList();

        var official = await OfficialCsafValidator.ValidateAsync(documents);

        var disagreements = documents.Select((document, i) => (Theirs: MandatoryTests(official[i]), Ours: MandatoryTests(document), i))
            .Where(x => !x.Theirs.SequenceEqual(x.Ours))
            .Where(x => !MixesVersioningAtOneDate(documents[x.i]) && !RepeatsAVersionWithOtherBuildMetadata(documents[x.i]))
            .Select(x => $"#{x.i}: official [{string.Join(", ", x.Theirs)}], Vigil [{string.Join(", ", x.Ours)}]\n{documents[x.i]["document"]!["tracking"]!.ToJsonString()}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.Contains(official, r => !r.IsValid);
    }

    private static IEnumerable<string> MandatoryTests(OfficialCsafValidator.Result result) =>
        result.Failures.Select(f => f.Split(' ')[0]).Where(t => t.StartsWith("mandatoryTest_", StringComparison.Ordinal))
            .Select(t => t["mandatoryTest_".Length..].Replace('_', '.')).Distinct().Order(StringComparer.Ordinal);

    private static IEnumerable<string> MandatoryTests(JsonNode document) =>
        CsafValidator.Validate(Encoding.UTF8.GetBytes(document.ToJsonString())).FailedTests
            .Where(t => t.StartsWith("6.1.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>Revisions of one date numbered in both schemes have no order the specification defines: the two
    /// checkers may take either as the latest (6.1.14, 6.1.16, 6.1.21); 6.1.30 fails either way.</summary>
    /// <summary>2.0.10 drops build metadata and then duplicates before checking 6.1.14, so it misses that 2.0.0+b1
    /// dated after 3.0.0 is out of order; Vigil's checker reports it.</summary>
    private static bool RepeatsAVersionWithOtherBuildMetadata(JsonNode document)
    {
        var numbers = document["document"]!["tracking"]!["revision_history"]!.AsArray().Select(h => h!["number"]!.GetValue<string>()).ToList();
        return numbers.Any(n => n.Contains('+', StringComparison.Ordinal) && numbers.Contains(n.Split('+')[0]));
    }

    private static bool MixesVersioningAtOneDate(JsonNode document)
    {
        var history = document["document"]!["tracking"]!["revision_history"]!.AsArray();
        return history.GroupBy(h => h!["date"]!.GetValue<string>())
            .Any(g => g.Select(h => h!["number"]!.GetValue<string>().Contains('.', StringComparison.Ordinal)).Distinct().Count() > 1);
    }
}
