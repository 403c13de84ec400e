using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.6 Product Status: in a security advisory every vulnerability has a product status.</summary>
internal sealed class Test_6_1_27_6 : ProfileTest
{
    public override string Number => "6.1.27.6";

    protected override string[] Profiles => ["csaf_security_advisory"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category) =>
        JsonWalk.Select(document, "/vulnerabilities[]")
            .Where(v => !JsonWalk.Has(v.Value, "product_status"))
            .Select(v => Fail($"{v.Path}/product_status", category, "the vulnerability has no product status"));
}
