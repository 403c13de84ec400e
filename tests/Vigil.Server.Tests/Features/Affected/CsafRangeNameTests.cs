using System.Text.Json.Nodes;
using Vigil.Server.Features.Affected;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>
/// Issue 14, CSAF, version ranges as real advisories write them: <c>vers:all/*</c> covers every version, and a
/// <c>product_version_range</c> or version branch written in words (<c>&lt; V2.7</c>, Siemens' <c>&lt; V15.1 Upd 4</c>,
/// <c>4.x</c>, <c>before 2.19.134</c> ...) is read into a range whose verdict says <c>range-from-name</c>; words that
/// cannot be read unambiguously stay <c>no-version-given</c>. The advisory is the official sec-vex-2022-0001
/// (../shared/data/csaf/2.0/examples/csaf/csaf_vex), its one range branch rewritten and listed as known affected.
/// </summary>
public sealed class CsafRangeNameTests
{
    [Theory]
    [InlineData("product_version_range", "vers:all/*", "0.1.0", "version-in-range")]
    [InlineData("product_version_range", "vers:all/*", null, "version-in-range")]
    [InlineData("product_version_range", "all versions", "7.0", "range-from-name")]
    [InlineData("product_version_range", "< V2.7", "2.6.9", "range-from-name")]
    [InlineData("product_version_range", "< V2.7", "V2.7", null)]
    [InlineData("product_version_range", "<V3.0.29", "3.0.28", "range-from-name")]
    [InlineData("product_version_range", "< V15.1 Upd 4", "V15.1 Upd 3", "range-from-name")]
    [InlineData("product_version_range", "< V15.1 Upd 4", "V15.1", "range-from-name")]
    [InlineData("product_version_range", "< V15.1 Upd 4", "V15.1 Update 4", null)]
    [InlineData("product_version_range", "< V15.1 Upd 4", "V16", null)]
    [InlineData("product_version_range", "<= 4.8.3", "4.8.3", "range-from-name")]
    [InlineData("product_version_range", "<= 4.8.3", "4.8.3.1", null)]
    [InlineData("product_version_range", "<=1.14.0", "1.14.0", "range-from-name")]
    [InlineData("product_version_range", ">= 1.2 < 1.5", "1.4.9", "range-from-name")]
    [InlineData("product_version_range", ">= 1.2 < 1.5", "1.5", null)]
    [InlineData("product_version_range", ">= 1.2 < 1.5", "1.1", null)]
    [InlineData("product_version", "4.x", "4.17", "range-from-name")]
    [InlineData("product_version", "4.x", "5.0", null)]
    [InlineData("product_version", "before 2.19.134", "2.19.100", "range-from-name")]
    [InlineData("product_version", "before 2.19.134", "2.19.134", null)]
    [InlineData("product_version", "prior to 4.2", "4.1", "range-from-name")]
    [InlineData("product_version", "All versions < V3.0.29", "3.0.1", "range-from-name")]
    [InlineData("product_version", "8.1.5 and later", "9", "range-from-name")]
    [InlineData("product_version_range", "all versions before the 2022 release", "1.0.0", "no-version-given")]
    [InlineData("product_version_range", "vers:all/<V3.1.2.1", "1.0", "no-version-given")]
    public void A_range_written_as_advisories_write_it_is_read_and_the_basis_says_so(string category, string name, string? version, string? basis)
    {
        var advisory = CsafSamples.Official("csaf_vex/sec-vex-2022-0001.json");
        var branch = advisory["product_tree"]!["branches"]![0]!["branches"]![0]!["branches"]![0]!;
        branch["category"] = category;
        branch["name"] = name;
        foreach (var vulnerability in advisory["vulnerabilities"]!.AsArray())
        {
            vulnerability!["product_status"] = new JsonObject { ["known_affected"] = new JsonArray("CSAFPID-0001") };
        }

        var matches = CsafSamples.Match(advisory, CsafSamples.Component("Secvisogram", version, vendor: "Secvisogram"));

        Assert.Equal(basis is null ? [] : [basis], matches.Select(m => ExposureMatchResponse.BasisName(m.Basis)));
        if (basis == "range-from-name")
        {
            Assert.Contains($"\"{name}\"", matches[0].Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_official_all_versions_example_is_not_reported_under_investigation_and_covers_any_version_when_affected()
    {
        // 2022-evd-uc-05-001: product XYZ in vers:all/* is under investigation.
        var advisory = CsafSamples.Official("csaf_vex/2022-evd-uc-05-001.json");
        var component = CsafSamples.Component("XYZ", "3.1", vendor: "Example Company");
        Assert.Empty(CsafSamples.Match(advisory, component));

        foreach (var vulnerability in advisory["vulnerabilities"]!.AsArray())
        {
            vulnerability!["product_status"] = new JsonObject { ["known_affected"] = vulnerability["product_status"]!["under_investigation"]!.DeepClone() };
        }
        var hit = Assert.Single(CsafSamples.Match(advisory, component));
        Assert.Equal(("version-in-range", "vers:all/*"), (ExposureMatchResponse.BasisName(hit.Basis), hit.Range));
    }
}
