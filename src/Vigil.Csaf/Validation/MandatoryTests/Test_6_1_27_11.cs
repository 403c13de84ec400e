using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.11 Vulnerabilities: a security advisory or VEX document has vulnerabilities.</summary>
internal sealed class Test_6_1_27_11 : ProfileTest
{
    public override string Number => "6.1.27.11";

    protected override string[] Profiles => ["csaf_security_advisory", "csaf_vex"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category)
    {
        if (!JsonWalk.Has(document, "vulnerabilities"))
        {
            yield return Fail("/vulnerabilities", category, "the vulnerabilities are missing");
        }
    }
}
