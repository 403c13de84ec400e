using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.7 VEX Product Status: in a VEX document every vulnerability lists products as fixed, known
/// affected, known not affected or under investigation.</summary>
internal sealed class Test_6_1_27_7 : ProfileTest
{
    private static readonly string[] VexLists = ["fixed", "known_affected", "known_not_affected", "under_investigation"];

    public override string Number => "6.1.27.7";

    protected override string[] Profiles => ["csaf_vex"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category) =>
        JsonWalk.Select(document, "/vulnerabilities[]")
            .Where(v => !(v.Value.TryGetProperty("product_status", out var status) && VexLists.Any(list => JsonWalk.Has(status, list))))
            .Select(v => Fail($"{v.Path}/product_status", category, "none of fixed, known_affected, known_not_affected, under_investigation is given"));
}
