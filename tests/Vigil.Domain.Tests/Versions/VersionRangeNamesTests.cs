using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

/// <summary>
/// Issue 14, CSAF, version ranges as real advisories write them: what each range name reads to, or that it stays
/// unread. Rows come from the CSAF 2.0 specification's own examples (section 3.1.2.3.2 examples 1 and 2, the
/// product_version_range names; section 3.1.2.3.1 example 2, ranges wrongly written as product_version names), the
/// strings the issue lists, the ways published ICS advisories write ranges, and every range name of the advisories in
/// ../shared/data (walked below, so a new advisory with a new range name must be added to the table).
/// </summary>
public sealed class VersionRangeNamesTests
{
    /// <summary>Name, what it reads to (null: unread), versions inside, versions outside ("|"-separated, as inventories write them).</summary>
    public static TheoryData<string, string?, string, string> Table => new()
    {
        // CSAF 2.0 section 3.1.2.3.2 example 1: vers. Only canonical vers of a type Vigil orders is read.
        { "vers:gem/>=2.2.0|!= 2.2.1|<2.3.0", null, "", "" },
        { "vers:npm/1.2.3|>=2.0.0|<5.0.0", "vers:npm/1.2.3|>=2.0.0|<5.0.0", "1.2.3|4.9.9|2.0.0", "1.2.4|5.0.0|1.0.0" },
        { "vers:pypi/0.0.0|0.0.1|0.0.2|0.0.3|1.0|2.0pre1", null, "", "" },
        { "vers:tomee/>=8.0.0-M1|<=8.0.1", null, "", "" },
        // CSAF 2.0 section 3.1.2.3.2 example 2: vls, the version constraint alone.
        { "<=2", "vers:intdot/<=2", "2|1.9|2.0.0", "2.0.1|3" },
        { "<4.2", "vers:intdot/<4.2", "4.1.9|V4.1", "4.2|4.2.1" },
        { "<V3.0.29", "vers:intdot/<3.0.29", "3.0.28|v3.0.9", "3.0.29|3.1" },
        { ">=8.1.5", "vers:intdot/>=8.1.5", "8.1.5|9", "8.1.4" },
        // Vers-like specifiers with several constraints (the constraint part of section 3.1.2.3.2 example 1).
        { ">=2.0.0|<5.0.0", "vers:intdot/>=2.0.0|<5.0.0", "4.9|2.0.0", "5.0.0|1.2.3" },
        { "1.2.3|>=2.0.0|<5.0.0", "vers:intdot/1.2.3|>=2.0.0|<5.0.0", "1.2.3|3", "1.2.4|5" },
        { ">=2.2.0|!= 2.2.1|<2.3.0", "vers:intdot/>=2.2.0|!=2.2.1|<2.3.0", "2.2.0|2.2.2", "2.2.1|2.3.0" },
        { ">=8.0.0-M1|<=8.0.1", "vers:semver/>=8.0.0-M1|<=8.0.1", "8.0.0-M2|8.0.1", "8.0.2|7.9.9" },
        { "<2.0|>=1.0", null, "", "" },
        // CSAF 2.0 section 3.1.2.3.1 example 2: ranges that publishers write as product_version names.
        { "8.0.0 - 8.0.1", "vers:intdot/>=8.0.0|<=8.0.1", "8.0.0|8.0.1", "8.0.2|7.9" },
        { "8.1.5 and later", "vers:intdot/>=8.1.5", "8.1.5|10.0", "8.1.4" },
        { "<= 2", "vers:intdot/<=2", "2", "2.1" },
        { "prior to 4.2", "vers:intdot/<4.2", "4.1", "4.2" },
        { "All versions < V3.0.29", "vers:intdot/<3.0.29", "3.0.28", "3.0.29" },
        { "V3.0, V4.0, V4.1, V4.2", "vers:intdot/3.0|4.0|4.1|4.2", "4.1|V3.0", "4.3|3.5" },
        // The issue's strings.
        { "vers:all/*", "vers:all/*", "0|1.2.3|V15.1 Upd 4|12.2(55)SE", "" },
        { "< V2.7", "vers:intdot/<2.7", "2.6.99|V2.6", "2.7|V2.7.0|3" },
        { "< V15.1 Upd 4", "vers:x-siemens/<15.1-upd4", "V15.1 Upd 3|V15.1|15.0|V14 SP1 Update 11", "V15.1 Upd 4|V15.1 Update 5|V15.1.1|V16" },
        { "<= 4.8.3", "vers:intdot/<=4.8.3", "4.8.3|4.8.2.9|4", "4.8.3.1|4.9" },
        { "4.x", "vers:intdot/>=4|<5", "4|4.0|4.17.2", "5|5.0|3.99" },
        { "before 2.19.134", "vers:intdot/<2.19.134", "2.19.133|2.18.348", "2.19.134|2.20" },
        { ">= 1.2 < 1.5", "vers:intdot/>=1.2|<1.5", "1.2|1.4.9", "1.1|1.5" },
        { "all versions", "vers:all/*", "1.0", "" },
        // As published ICS advisories write ranges.
        { "<V2.9.7", "vers:intdot/<2.9.7", "2.9.6", "2.9.7" },
        { ">=1.060", "vers:intdot/>=1.060", "1.60|1.061", "1.059" },
        { ">=V2.3_and_<V6.30.016", "vers:intdot/>=2.3|<6.30.016", "6.30.15|2.3", "6.30.16|2.2" },
        { "versions prior to 4.5", "vers:intdot/<4.5", "4.4", "4.5" },
        { "4.2 and earlier", "vers:intdot/<=4.2", "4.2|1", "4.2.1" },
        { "4.2.x", "vers:intdot/>=4.2|<4.3", "4.2.7", "4.3|4.1" },
        { "< V5.6 SP2 HF3", "vers:x-siemens/<5.6-sp2-hf3", "V5.6 SP2 HF2|V5.6 SP1|V5.6", "V5.6 SP2 HF3|V5.6 SP3|V5.7" },
        { "<1.0.0-rc.2", "vers:semver/<1.0.0-rc.2", "1.0.0-rc.1|0.9.0", "1.0.0-rc.2|1.0.0" },
        // Unread: a build, a date, a serial number, a component's own version, prose, a single version, contradictions.
        { "<= 3.4.4 Build 16102416", null, "", "" },
        { "distributed < april 1, 2018", null, "", "" },
        { "<=The_first_5_digits_of_serial_No._\"26061\"", null, "", "" },
        { "<BIOS_V1.0.212N", null, "", "" },
        { "NMC2 <= 6.9.6", null, "", "" },
        { "<= 15.2(6)E0a", null, "", "" },
        { "R15B_PC4", null, "", "" },
        { "vers:all/<V3.1.2.1", null, "", "" },
        { "all versions before the 2022 release", null, "", "" },
        { "V2.7", null, "", "" },
        { ">= 1.5 < 1.2", null, "", "" },
        { "< 1.2 < 1.5", null, "", "" },
        { "< 1.0 and > 2.0", null, "", "" },
        { "< 1.0.0-rc1 < 2.7", null, "", "" },
        { "1.0-2.0", null, "", "" },
        // Every range name of the advisories in ../shared/data (see Advisories_range_names_are_all_in_the_table).
        { "<=1.14.0", "vers:intdot/<=1.14.0", "1.14.0|1.10", "1.14.1" },
        { "vers:generic/>=1.0|<=2.3", "vers:intdot/>=1.0|<=2.3", "1.0|2.3", "2.4|0.9" },
        { "vers:generic/>=1.0|<=4.4", "vers:intdot/>=1.0|<=4.4", "4.4", "4.5" },
        { "vers:generic/>=2.7|<=2.8", "vers:intdot/>=2.7|<=2.8", "2.7.5", "2.9" },
        { "vers:generic/>=2.9|<=4.1", "vers:intdot/>=2.9|<=4.1", "3.0", "4.2" },
        { "vers:generic/>=4.5|<=5.0", "vers:intdot/>=4.5|<=5.0", "5.0", "5.1" },
        { "vers:semver/<2.18.15", "vers:semver/<2.18.15", "2.18.14", "2.18.15" },
        { "vers:semver/<2.18.348", "vers:semver/<2.18.348", "2.18.347", "2.18.348" },
        { "vers:semver/<2.19.134", "vers:semver/<2.19.134", "2.19.100", "2.19.134" },
        { "vers:semver/<2.19.44", "vers:semver/<2.19.44", "2.19.43", "2.19.44" },
        { "vers:semver/<2.19.51", "vers:semver/<2.19.51", "2.19.50", "2.19.51" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_range_name_reads_to_its_range_or_stays_unread(string name, string? expected, string inside, string outside)
    {
        var reading = VersionRangeNames.ReadRange(name);

        Assert.Equal(expected, reading?.Range.ToString());
        Assert.Equal(!name.StartsWith("vers:", StringComparison.Ordinal) && expected is not null, reading?.FromWords ?? false);
        foreach (var version in Split(inside))
        {
            Assert.True(Covers(reading!.Range, version), $"{version} should lie in {name}");
        }
        foreach (var version in Split(outside))
        {
            Assert.False(Covers(reading!.Range, version), $"{version} should not lie in {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void A_version_name_that_is_a_range_in_words_reads_the_same(string name, string? expected, string inside, string outside)
    {
        _ = (inside, outside);
        Assert.Equal(name.StartsWith("vers:", StringComparison.Ordinal) ? null : expected, VersionRangeWords.Read(name)?.ToString());
    }

    [Fact]
    public void Advisories_range_names_are_all_in_the_table()
    {
        var table = Table.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var names = AdvisoryRangeNames().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, table));
    }

    /// <summary>
    /// Every product_version_range name in the advisories of ../shared/data (the OASIS CSAF 2.0 examples and the
    /// project's 2019 advisory), and every product_version, service_pack or patch_level name that looks like a range.
    /// </summary>
    private static IEnumerable<string> AdvisoryRangeNames() =>
        Directory.EnumerateFiles(SharedData.Folder("csaf"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(SharedData.Folder("examples"), "*.json"))
            .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement)
            .Where(root => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("product_tree", out _))
            .SelectMany(root => Branches(root.GetProperty("product_tree")))
            .Where(b => b.Category == "product_version_range" || (b.Category is "product_version" or "service_pack" or "patch_level" && LooksLikeRange(b.Name)))
            .Select(b => b.Name)
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<(string Category, string Name)> Branches(JsonElement node) =>
        node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("branches", out var branches) || branches.ValueKind != JsonValueKind.Array
            ? []
            : branches.EnumerateArray().SelectMany(b => Branches(b).Prepend((b.GetProperty("category").GetString()!, b.GetProperty("name").GetString()!)));

    // The words and signs CSAF's test 6.1.31 takes for a range in a version name, and release lines such as 4.x.
    private static bool LooksLikeRange(string name) =>
        Regex.IsMatch(name, @"[<>*]|\b(after|all|before|earlier|later|prior|versions?)\b|\.x$|\s-\s", RegexOptions.IgnoreCase);

    private static bool Covers(VersionRange range, string version) =>
        range.IsEveryVersion || (ComponentVersion.ForScheme(range.Scheme!, version) is { } readable && range.Contains(readable));

    private static string[] Split(string versions) => versions.Length == 0 ? [] : versions.Split('|');
}
