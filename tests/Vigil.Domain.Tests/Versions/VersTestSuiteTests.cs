using System.Text.Json.Nodes;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

public sealed class VersTestSuiteTests
{
    public static TheoryData<string> Cases() => [.. VersTestSuite.Runnable.Select(c => c.Id)];

    [Fact]
    public void TheSuiteRunsEveryCaseOfTheImplementedSchemes()
    {
        Assert.True(VersTestSuite.Runnable.Count() >= 27);
        Assert.All(VersTestSuite.Filtered, c => Assert.False(string.IsNullOrEmpty(c.Reason)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OfficialCase_Passes(string id)
    {
        var test = VersTestSuite.Case(id);
        var input = test["input"]!;
        var failureExpected = test["expected_failure"]?.GetValue<bool>() ?? false;
        var scheme = VersionSchemes.Find(VersTestSuite.Type(test))!;

        switch (test["test_type"]!.GetValue<string>())
        {
            case "parse":
                var parsed = VersionRange.TryParse(input.GetValue<string>(), out var range, out var problem);
                Assert.Equal(!failureExpected, parsed);
                if (parsed)
                {
                    AssertParsedAs(test["expected_output"]!, range!);
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(problem));
                }

                break;
            case "containment":
                var contained = VersionRange.Parse(input["vers"]!.GetValue<string>()).Contains(input["version"]!.GetValue<string>());
                Assert.Equal(test["expected_output"]!.GetValue<bool>(), contained);
                break;
            case "comparison":
                var sorted = Versions(input).Order(Comparer<string>.Create(scheme.Compare)).ToArray();
                Assert.Equal(test["expected_output"]!.AsArray().Select(v => v!.GetValue<string>()), sorted);
                break;
            case "equality":
                var versions = Versions(input);
                Assert.Equal(test["expected_output"]!.GetValue<bool>(), versions.All(v => scheme.AreEqual(v, versions[0])));
                break;
            default:
                Assert.Fail($"{id} is not a runnable case");
                break;
        }
    }

    private static string[] Versions(JsonNode input) => [.. input["versions"]!.AsArray().Select(v => v!.GetValue<string>())];

    private static void AssertParsedAs(JsonNode expected, VersionRange range)
    {
        Assert.Equal(expected["scheme"]!.GetValue<string>(), range.Type);
        var pairs = expected["version_constraints"]!.AsArray()
            .Select(p => (Comparator: p![0]!.GetValue<string>(), Version: p[1]!.GetValue<string>()));
        Assert.Equal(pairs, range.Constraints.Select(c => (c.Comparator == VersionComparator.Equal ? "=" : c.Comparator.Symbol(), c.Version)));
    }
}
