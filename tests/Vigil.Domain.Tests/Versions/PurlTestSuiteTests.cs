using System.Text.Json.Nodes;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

public sealed class PurlTestSuiteTests
{
    public static TheoryData<string> Cases() => [.. PurlTestSuite.RunnableIds];

    [Theory]
    [MemberData(nameof(Cases))]
    public void OfficialCase_Passes(string id)
    {
        var test = PurlTestSuite.Case(id);
        var input = test["input"]!;
        var expected = test["expected_output"];
        var failureExpected = test["expected_failure"]?.GetValue<bool>() ?? false;

        PackageUrl? purl;
        string? problem;
        var succeeded = test["test_type"]!.GetValue<string>() == "build"
            ? PackageUrl.TryCreate(Text(input["type"]), Text(input["namespace"]), Text(input["name"]), Text(input["version"]),
                input["qualifiers"]?.AsObject().ToDictionary(q => q.Key, q => Text(q.Value)), Text(input["subpath"]), out purl, out problem)
            : test["test_group"]!.GetValue<string>() == "recommended"
                ? PackageUrl.TryParseLenient(input.GetValue<string>(), out purl, out problem)
                : PackageUrl.TryParse(input.GetValue<string>(), out purl, out problem);

        Assert.True(succeeded != failureExpected, succeeded ? $"accepted as {purl}" : problem);
        if (!succeeded)
        {
            return;
        }

        if (expected is JsonObject components)
        {
            Assert.Equal(Text(components["type"]), purl!.Type);
            Assert.Equal(Text(components["namespace"]), purl.Namespace);
            Assert.Equal(Text(components["name"]), purl.Name);
            Assert.Equal(Text(components["version"]), purl.Version);
            Assert.Equal(components["qualifiers"]?.AsObject().ToDictionary(q => q.Key, q => Text(q.Value)!) ?? [], purl.Qualifiers);
            Assert.Equal(Text(components["subpath"]), purl.Subpath);
        }
        else
        {
            Assert.Equal(expected!.GetValue<string>(), purl!.ToString());
        }
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();
}
