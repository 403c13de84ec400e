using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Exposure;

public sealed class ExposureRulesTests
{
    public static TheoryData<string, string?, string?, string?, string?, string?, string?> Cases() => new()
    {
        // name, version, purl, cpe, vendor → expected product references and methods, space-separated (null: not affected)
        { "whatsapp-android", "2.19.100", "pkg:generic/whatsapp/whatsapp-android@2.19.100", null, null, "/products/0", "Purl" },
        { "whatsapp-android", "2.19.134", "pkg:generic/whatsapp/whatsapp-android@2.19.134", null, null, null, null },
        { "whatsapp-android", null, "pkg:generic/whatsapp/whatsapp-android@2.19.133", null, null, "/products/0", "Purl" },
        // Both sides have a purl and they differ: the purl decides, even though the CPE would match.
        { "WhatsApp for Android", "2.19.100", "pkg:generic/other/app@2.19.100", "cpe:2.3:a:whatsapp:whatsapp:2.19.100:*:*:*:*:android:*:*", null, null, null },
        { "whatsapp", "2.19.100", null, "cpe:2.3:a:whatsapp:whatsapp:2.19.100:*:*:*:*:android:*:*", null, "/products/0", "Cpe" },
        { "whatsapp", "2.19.134", null, "cpe:2.3:a:whatsapp:whatsapp:2.19.134:*:*:*:*:android:*:*", null, null, null },
        // The Android entry's sw_edition is ANY, so it covers the Business edition too.
        { "whatsapp", "2.19.40", null, "cpe:2.3:a:whatsapp:whatsapp:2.19.40:*:*:*:business:android:*:*", null, "/products/0 /products/1", "Cpe Cpe" },
        { "whatsapp", "2.19.50", null, "cpe:2.3:a:whatsapp:whatsapp:2.19.50:*:*:*:business:android:*:*", null, "/products/0", "Cpe" },
        { "whatsapp", "2.19.40", null, "cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:iphone_os:*:*", null, "/products/2", "Cpe" },
        { "whatsapp", "2.19.100", null, "cpe:2.3:a:whatsapp:whatsapp:2.19.100:*:*:*:*:tizen:*:*", null, null, null },
        { "WhatsApp for Android", "2.19.100", null, null, null, "/products/0", "Name" },
        { "whatsapp-for-ANDROID", "v2.19", null, null, "WhatsApp, Inc.", "/products/0", "Name" },
        { "WhatsApp for Android", "2.19.134", null, null, null, null, null },
        { "WhatsApp for Android", "2.19.100", null, null, "Some Other Vendor", null, null },
        { "WhatsApp for Android", "not a version", null, null, null, null, null },
        { "WhatsApp for Android", null, null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Component_IsMatchedByTheMostExactIdentityBothSidesHave(
        string name, string? version, string? purl, string? cpe, string? vendor, string? expectedProduct, string? expectedMethod)
    {
        var matches = ExposureSamples.Index().Match([ExposureSamples.Component(name, version, purl, cpe, vendor)]).ToList();

        Assert.Equal(expectedProduct?.Split(' ') ?? [], matches.Select(m => m.Entry.ProductReference));
        Assert.Equal(expectedMethod?.Split(' ') ?? [], matches.Select(m => m.Method.ToString()));
    }

    [Fact]
    public void Match_NamesTheRangeAndTheFixedVersion()
    {
        var match = Assert.Single(ExposureSamples.Index().Match([ExposureSamples.Component("WhatsApp for Android", "2.19.100")]));

        Assert.Equal("vers:semver/<2.19.134", match.Range);
        Assert.Equal(MatchBasis.VersionInRange, match.Basis);
        Assert.Contains("version 2.19.100 lies in vers:semver/<2.19.134", match.Reason, StringComparison.Ordinal);
        Assert.Equal("2.19.100", match.Version);
        Assert.Equal(["2.19.134"], match.Entry.Fixed);
        Assert.Equal("VIGN-2019-0001", match.Entry.DocumentId);
    }

    [Theory]
    [InlineData("pkg:generic/whatsapp/whatsapp-android?os=android", "pkg:generic/whatsapp/whatsapp-android@1.0.0?os=android", true)]
    [InlineData("pkg:generic/whatsapp/whatsapp-android?os=android", "pkg:generic/whatsapp/whatsapp-android@1.0.0", false)]
    [InlineData("pkg:generic/whatsapp/whatsapp-android", "pkg:generic/whatsapp/whatsapp-android@1.0.0?os=android", true)]
    [InlineData("pkg:npm/%40scope/left-pad", "pkg:npm/%40scope/left-pad@1.0.0", true)]
    [InlineData("pkg:npm/%40scope/left-pad", "pkg:npm/left-pad@1.0.0", false)]
    public void SamePackage_ComparesIdentityAndTheEntrysQualifiers(string entry, string component, bool expected) =>
        Assert.Equal(expected, ExposureRules.SamePackage(PackageUrl.Parse(entry), PackageUrl.Parse(component)));

    [Theory]
    [InlineData(MatchBasis.ExactVersion, MatchBasis.ExactVersion, true)]
    [InlineData(MatchBasis.ExactVersion, MatchBasis.VersionInRange, true)]
    [InlineData(MatchBasis.ExactVersion, MatchBasis.NoVersionGiven, true)]
    [InlineData(MatchBasis.VersionInRange, MatchBasis.NoVersionGiven, true)]
    [InlineData(MatchBasis.RangeFromName, MatchBasis.NoVersionGiven, true)]
    [InlineData(MatchBasis.RangeFromName, MatchBasis.VersionInRange, false)]
    [InlineData(MatchBasis.VersionInRange, MatchBasis.RangeFromName, false)]
    [InlineData(MatchBasis.VersionInRange, MatchBasis.VersionInRange, false)]
    [InlineData(MatchBasis.NoVersionGiven, MatchBasis.NoVersionGiven, false)]
    [InlineData(MatchBasis.NoVersionGiven, MatchBasis.VersionInRange, false)]
    public void Outweighs_LetsOnlyTheMoreExactNotAffectedStatementCancelAnAffectedOne(MatchBasis exclusion, MatchBasis affected, bool expected) =>
        Assert.Equal(expected, ExposureRules.Outweighs(exclusion, affected));

    [Theory]
    [InlineData("cpe:/a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha", "cpe:2.3:a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha:*:*:*:*:*:*:*")]
    [InlineData("cpe:/o:redhat:rhel_aus:7.6::server", "cpe:2.3:o:redhat:rhel_aus:7.6:*:server:*:*:*:*:*")]
    [InlineData("cpe:/a:vendor:product:1.0:-:~~pro~android~~", "cpe:2.3:a:vendor:product:1.0:-:*:*:pro:android:*:*")]
    [InlineData("cpe:/a:vendor:prod%21uct", "cpe:2.3:a:vendor:prod\\!uct:*:*:*:*:*:*:*:*")]
    public void TryParseAnyBinding_ReadsACpe22UriAsTheFormattedStringItStandsFor(string uri, string formatted)
    {
        Assert.True(CpeName.TryParseAnyBinding(uri, out var name));
        Assert.Equal(formatted, name.ToString());
    }
}
