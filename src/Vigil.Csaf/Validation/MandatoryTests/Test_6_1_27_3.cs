using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.3 Vulnerabilities: an informational advisory has no vulnerabilities.</summary>
internal sealed class Test_6_1_27_3 : ProfileTest
{
    public override string Number => "6.1.27.3";

    protected override string[] Profiles => ["csaf_informational_advisory"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category)
    {
        if (JsonWalk.Has(document, "vulnerabilities"))
        {
            yield return Fail("/vulnerabilities", category, "vulnerabilities are not allowed; use csaf_security_advisory");
        }
    }
}
