using System.Text.Json.Nodes;
using Vigil.Domain.Cvss;

namespace Vigil.Domain.Tests.Cvss;

/// <summary>The MacroVector tables compiled into Vigil equal the shared fixture they were generated from.</summary>
public sealed class Cvss40MacroVectorTableTests
{
    private static readonly JsonNode Fixture =
        JsonNode.Parse(File.ReadAllText(SharedData.File("cvss", "cvss40-macrovector-tables.json")))!;

    [Fact]
    public void Scores_EqualTheFixture()
    {
        var expected = Fixture["cvss_lookup_global"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<double>());

        Assert.Equal(270, Cvss40MacroVectorTables.Scores.Count);
        Assert.Equal(expected.OrderBy(p => p.Key), Cvss40MacroVectorTables.Scores.OrderBy(p => p.Key));
    }

    [Fact]
    public void HighestSeverityVectorsAndDepths_EqualTheFixture()
    {
        foreach (var eq in new[] { "eq1", "eq2", "eq4", "eq5" })
        {
            foreach (var (level, vectors) in Fixture["max_composed"]![eq]!.AsObject())
            {
                Assert.Equal(vectors!.AsArray().Select(n => n!.GetValue<string>()), Cvss40MacroVectorTables.HighestSeverityVectors[$"{eq}:{level}"]);
                Assert.Equal(Fixture["max_severity"]![eq]![level]!.GetValue<int>(), Cvss40MacroVectorTables.ClassDepths[$"{eq}:{level}"]);
            }
        }

        foreach (var (eq3, byEq6) in Fixture["max_composed"]!["eq3"]!.AsObject())
        {
            foreach (var (eq6, vectors) in byEq6!.AsObject())
            {
                Assert.Equal(vectors!.AsArray().Select(n => n!.GetValue<string>()), Cvss40MacroVectorTables.HighestSeverityVectors[$"eq3eq6:{eq3}{eq6}"]);
                Assert.Equal(Fixture["max_severity"]!["eq3eq6"]![eq3]![eq6]!.GetValue<int>(), Cvss40MacroVectorTables.ClassDepths[$"eq3eq6:{eq3}{eq6}"]);
            }
        }
    }
}
