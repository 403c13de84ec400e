using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.4 Product Tree: a security advisory or VEX document has a product tree.</summary>
internal sealed class Test_6_1_27_4 : ProfileTest
{
    public override string Number => "6.1.27.4";

    protected override string[] Profiles => ["csaf_security_advisory", "csaf_vex"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category)
    {
        if (!JsonWalk.Has(document, "product_tree"))
        {
            yield return Fail("/product_tree", category, "the product tree is missing");
        }
    }
}
