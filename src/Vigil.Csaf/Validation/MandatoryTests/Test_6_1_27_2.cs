using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.2 Document References: an informational advisory or incident response has an external reference.</summary>
internal sealed class Test_6_1_27_2 : ProfileTest
{
    public override string Number => "6.1.27.2";

    protected override string[] Profiles => ["csaf_informational_advisory", "csaf_security_incident_response"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category)
    {
        if (!CsafProducts.Strings(JsonWalk.Select(document, "/document/references[]/category")).Any(c => c.Id == "external"))
        {
            yield return Fail("/document/references", category, "no reference of category external");
        }
    }
}
