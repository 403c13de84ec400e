using System.Diagnostics;
using System.Globalization;
using Vigil.Domain.Cvss;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.NoteEditor;

/// <summary>
/// The note editor's calculator script computes what Vigil computes: every vector of the shared CVSS samples and
/// thousands of random vectors of both versions (optional metrics included) are scored by wwwroot/js/cvss-calculator.js
/// in node and by Vigil.Domain.Cvss, and every score, rating and normalised vector must be the same.
/// </summary>
public sealed class CvssCalculatorScriptTests
{
    private static readonly string Script = RepositoryPaths.File("src", "Vigil.Server", "wwwroot", "js", "cvss-calculator.js");

    [Fact]
    public async Task The_script_scores_every_sample_and_random_vector_exactly_as_the_domain_does()
    {
        var vectors = Samples("cvss31-sample-vectors.csv").Concat(Samples("cvss40-sample-vectors.csv"))
            .Concat(Random(Cvss31Metrics.All, "3.1", 3_000, seed: 31)).Concat(Random(Cvss40Metrics.All, "4.0", 3_000, seed: 40)).ToList();
        Assert.True(vectors.Count > 6_000);

        var answers = await RunScriptAsync(vectors);

        Assert.Equal(vectors.Count, answers.Count);
        var differences = new List<string>();
        for (var i = 0; i < vectors.Count; i++)
        {
            var expected = Expected(vectors[i]);
            if (expected != answers[i])
            {
                differences.Add($"{vectors[i]}: domain {expected}, script {answers[i]}");
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differ, such as:\n{string.Join('\n', differences.Take(10))}");
    }

    [Fact]
    public async Task The_script_refuses_what_the_domain_refuses()
    {
        string[] refused =
        [
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/", "", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E",
        ];
        var answers = await RunScriptAsync(refused);
        Assert.All(refused, v => Assert.False(CvssCalculator.Evaluate(v).IsSuccess, v));
        Assert.All(answers, a => Assert.Equal("refused", a));
    }

    /// <summary>What the domain says of a vector, in the line format the script prints.</summary>
    private static string Expected(string vector)
    {
        var evaluated = CvssCalculator.Evaluate(vector);
        if (!evaluated.IsSuccess)
        {
            return "refused";
        }
        var e = evaluated.Value;
        string F(double? d) => d is null ? "-" : d.Value.ToString("0.0", CultureInfo.InvariantCulture);
        return $"{e.Vector} {F(e.Score)} {e.Severity} {F(e.TemporalScore)} {F(e.EnvironmentalScore)}";
    }

    private static async Task<List<string>> RunScriptAsync(IReadOnlyList<string> vectors)
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, vectors);
        var program = """
            const c = require(process.argv[1]);
            const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\n');
            lines.pop();
            const f = d => d === undefined ? '-' : d.toFixed(1);
            for (const v of lines) {
              const e = c.evaluate(v);
              console.log(e ? `${e.vector} ${f(e.score)} ${e.severity} ${f(e.temporal)} ${f(e.environmental)}` : 'refused');
            }
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-e", program, Script, input })
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        File.Delete(input);
        Assert.True(node.ExitCode == 0, error);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static IEnumerable<string> Samples(string file) =>
        File.ReadLines(RepositoryPaths.File("..", "shared", "data", "cvss", file)).Skip(1).Select(l => l.Split(',')[0].Trim()).Where(v => v.Length > 0);

    /// <summary>Random valid vectors: every base metric, each optional metric present half the time, in the specification's order.</summary>
    private static IEnumerable<string> Random(IReadOnlyList<CvssMetric> metrics, string version, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var parts = metrics.Where(m => m.IsMandatory || random.Next(2) == 0).Select(m => $"{m.Key}:{m.Values[random.Next(m.Values.Count)]}");
            yield return string.Join('/', parts.Prepend("CVSS:" + version));
        }
    }
}
