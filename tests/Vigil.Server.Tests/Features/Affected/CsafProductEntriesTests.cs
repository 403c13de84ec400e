using System.Text.Json.Nodes;
using Vigil.Domain.Exposure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>Products of imported CSAF documents as "am I affected?" reads them, on the official examples.</summary>
public sealed class CsafProductEntriesTests
{
    [Theory]
    // bsi-2022-0001: vendor → product_name → product_version leaves, each with a CPE 2.2 URI that carries the version.
    [InlineData("cpe", "1.0.0-dev2", "CSAFPID-0003")]
    [InlineData("name", "1.0.0-rc1", "CSAFPID-0005")]
    [InlineData("cpe", "1.0.0-rc2", null)]
    [InlineData("name", "1.0.0-rc2", null)]
    [InlineData("name", "1.0.0", null)]
    public void A_product_version_leaf_is_matched_on_its_exact_version_and_a_fixed_one_is_not(string by, string version, string? expected)
    {
        var component = by == "cpe"
            ? CsafSamples.Component("cvrf-csaf-converter", null, cpe: $"cpe:2.3:a:csaf-tools:cvrf-csaf-converter:{version}:*:*:*:*:*:*:*")
            : CsafSamples.Component("CVRF-CSAF-Converter", version, vendor: "CSAF Tools");

        var matches = CsafSamples.Match(CsafSamples.Official("bsi-2022-0001.json"), component);

        Assert.Equal(expected is null ? [] : [expected], matches.Select(m => m.Entry.ProductReference));
        Assert.All(matches, m => Assert.Equal((MatchBasis.ExactVersion, by), (m.Basis, m.Method.ToString().ToLowerInvariant())));
    }

    [Fact]
    public void A_service_pack_no_scheme_orders_is_compared_as_written()
    {
        var advisory = CsafSamples.Official("cisco-sa-20180328-smi2.json");

        var hit = Assert.Single(CsafSamples.Match(advisory, CsafSamples.Component("IOS", "12.2(55)SE3", vendor: "Cisco")));
        Assert.Equal(("CVRFPID-105394", MatchBasis.ExactVersion, "12.2(55)SE3"), (hit.Entry.ProductReference, hit.Basis, hit.Range));
        Assert.Empty(CsafSamples.Match(advisory, CsafSamples.Component("IOS", "12.2(55)SE99", vendor: "Cisco")));
    }

    [Theory]
    // 2022-evd-uc-07-001: ABC affected in 2.4, 2.6 and vers:generic/>=2.9|<=4.1, not affected in 4.2, 1.0 to 2.3, 2.5, 2.7 to 2.8;
    // JKL affected in 4.5 to 5.0, not affected in 1.0 to 4.4, fixed in 5.1.
    [InlineData("ABC", "3.0", "CSAFPID-0004 VersionInRange")]
    [InlineData("ABC", "2.4", "CSAFPID-0002 ExactVersion")]
    [InlineData("ABC", "4.2", null)]
    [InlineData("ABC", "2.5", null)]
    [InlineData("ABC", "2.0", null)]
    [InlineData("JKL", "4.7", "CSAFPID-0008 VersionInRange")]
    [InlineData("JKL", "5.1", null)]
    [InlineData("JKL", "5.1.0", null)]
    public void A_VEX_document_reports_affected_versions_and_never_fixed_or_not_affected_ones(string product, string version, string? expected)
    {
        var matches = CsafSamples.Match(CsafSamples.Official("csaf_vex/2022-evd-uc-07-001.json"), CsafSamples.Component(product, version, vendor: "Example Company"));

        Assert.Equal(expected is null ? [] : [expected], matches.Select(m => $"{m.Entry.ProductReference} {m.Basis}"));
    }

    [Fact]
    public void A_product_named_without_any_version_is_reported_as_such_and_a_not_affected_one_is_not()
    {
        // 2022-evd-uc-09-001: product families without versions, PROD_BETA known affected, PROD_ALPHA known not affected.
        var advisory = CsafSamples.Official("csaf_vex/2022-evd-uc-09-001.json");

        var hit = Assert.Single(CsafSamples.Match(advisory, CsafSamples.Component("PROD_BETA", "7.1", vendor: "Example Company")));
        Assert.Equal((MatchBasis.NoVersionGiven, MatchMethod.Name, "known_affected", (string?)null), (hit.Basis, hit.Method, hit.Entry.Status, hit.Range));
        Assert.Contains("without giving any version", hit.Reason, StringComparison.Ordinal);
        Assert.Empty(CsafSamples.Match(advisory, CsafSamples.Component("PROD_ALPHA", "7.1", vendor: "Example Company")));
    }

    [Fact]
    public void A_fixed_version_outweighs_a_statement_without_version_for_the_same_vulnerability()
    {
        var advisory = CsafSamples.Official("csaf_vex/2022-evd-uc-09-001.json");
        var beta = advisory["product_tree"]!["branches"]![0]!["branches"]![1]!.AsObject();
        beta["branches"] = new JsonArray(new JsonObject
        {
            ["category"] = "product_version", ["name"] = "8.0",
            ["product"] = new JsonObject { ["name"] = "PROD_BETA 8.0", ["product_id"] = "CSAFPID-0003" },
        });
        foreach (var vulnerability in advisory["vulnerabilities"]!.AsArray())
        {
            vulnerability!["product_status"]!["fixed"] = new JsonArray("CSAFPID-0003");
        }

        Assert.Empty(CsafSamples.Match(advisory, CsafSamples.Component("PROD_BETA", "8.0", vendor: "Example Company")));
        Assert.Equal(MatchBasis.NoVersionGiven, Assert.Single(CsafSamples.Match(advisory, CsafSamples.Component("PROD_BETA", "7.9", vendor: "Example Company"))).Basis);
    }

    [Theory]
    [InlineData("1.10.0", true)]
    [InlineData("1.14.0", true)]
    [InlineData("1.15.0", false)]
    public void A_free_text_version_range_is_read_when_it_is_a_comparison(string version, bool affected)
    {
        // sec-vex-2022-0001 writes its range as "<=1.14.0"; known affected here instead of known not affected.
        var advisory = CsafSamples.Official("csaf_vex/sec-vex-2022-0001.json");
        foreach (var vulnerability in advisory["vulnerabilities"]!.AsArray())
        {
            vulnerability!["product_status"] = new JsonObject { ["known_affected"] = new JsonArray("CSAFPID-0001") };
        }

        var matches = CsafSamples.Match(advisory, CsafSamples.Component("Secvisogram", version, vendor: "Secvisogram"));

        Assert.Equal(affected, matches.Count > 0);
        // Dotted whole numbers are read as intdot (issue 14: the basis says the range was read from the document's words).
        Assert.All(matches, m => Assert.Equal(("vers:intdot/<=1.14.0", MatchBasis.RangeFromName), (m.Range, m.Basis)));
    }

    [Fact]
    public void A_free_text_range_that_cannot_be_read_is_reported_with_its_words_and_without_a_version_claim()
    {
        var advisory = CsafSamples.Official("csaf_vex/sec-vex-2022-0001.json");
        advisory["product_tree"]!["branches"]![0]!["branches"]![0]!["branches"]![0]!["name"] = "all versions before the 2022 release";
        foreach (var vulnerability in advisory["vulnerabilities"]!.AsArray())
        {
            vulnerability!["product_status"] = new JsonObject { ["known_affected"] = new JsonArray("CSAFPID-0001") };
        }

        var hit = Assert.Single(CsafSamples.Match(advisory, CsafSamples.Component("Secvisogram", "1.0.0", vendor: "Secvisogram")));
        Assert.Equal(MatchBasis.NoVersionGiven, hit.Basis);
        Assert.Contains("\"all versions before the 2022 release\"", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkg:generic/whatsapp/whatsapp-android@2.19.100", true)]
    [InlineData("pkg:generic/whatsapp/whatsapp-android@2.19.101", false)]
    [InlineData("pkg:generic/whatsapp/whatsapp-ios@2.19.100", false)]
    public void A_full_product_name_whose_purl_carries_a_version_is_matched_on_that_version(string purl, bool affected)
    {
        var advisory = CsafSamples.WhatsApp2019();
        advisory["product_tree"]!["full_product_names"] = new JsonArray(new JsonObject
        {
            ["name"] = "WhatsApp for Android 2.19.100",
            ["product_id"] = "WA-android-2.19.100",
            ["product_identification_helper"] = new JsonObject { ["purl"] = "pkg:generic/whatsapp/whatsapp-android@2.19.100" },
        });
        advisory["vulnerabilities"]![0]!["product_status"]!["known_affected"]!.AsArray().Add("WA-android-2.19.100");

        var matches = CsafSamples.Match(advisory, CsafSamples.Component("whatsapp-android", null, purl: purl));

        Assert.Equal(affected ? ["WA-android-2.19.100 Purl ExactVersion"] : [], matches.Select(m => $"{m.Entry.ProductReference} {m.Method} {m.Basis}"));
    }

    [Theory]
    [InlineData("name", "2.19.100", true)]
    [InlineData("cpe", "2.19.100", true)]
    [InlineData("name", "2.19.134", false)]
    [InlineData("cpe", "2.19.134", false)]
    public void A_product_named_only_through_a_relationship_is_reported_with_that_relationship(string by, string version, bool affected)
    {
        var component = by == "cpe"
            ? CsafSamples.Component("whatsapp", version, cpe: $"cpe:2.3:a:whatsapp:whatsapp:{version}:*:*:*:*:android:*:*")
            : CsafSamples.Component("WhatsApp for Android", version, vendor: "WhatsApp (Facebook)");

        var matches = CsafSamples.Match(CsafSamples.WhatsApp2019InstalledOnAndroid(), component);

        if (!affected)
        {
            Assert.Empty(matches);
            return;
        }
        var hit = Assert.Single(matches);
        Assert.Equal("WA-android-vuln-on-android", hit.Entry.ProductReference);
        Assert.Equal(("installed_on", "WA-android-vuln", "ANDROID", "Google Android"),
            (hit.Entry.Relationship!.Category, hit.Entry.Relationship.ProductReference, hit.Entry.Relationship.RelatesTo, hit.Entry.Relationship.RelatesToName));
        Assert.Equal(["2.19.134"], hit.Entry.Fixed);
        Assert.Contains("relationship installed_on", hit.Reason, StringComparison.Ordinal);
        Assert.Contains("Google Android", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Relationships_of_an_official_example_whose_products_are_all_fixed_report_nothing()
    {
        // rhsa-2021_5186: three default_component_of relationships, one fixed and two known not affected.
        var advisory = CsafSamples.Official("rhsa-2021_5186.json");
        var entries = Vigil.Server.Features.Affected.CsafProductEntries.Read("ADV", System.Text.Json.JsonSerializer.SerializeToElement(advisory));

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(("default_component_of", ProductState.NotAffected), (e.Relationship?.Category, e.State)));
        Assert.Contains(entries, e => e.Relationship!.RelatesToName == "Red Hat OpenShift Container Platform 4.6");
    }
}
