using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.1 Document Notes: an informational advisory or incident response has a note of category
/// description, details, general or summary.</summary>
internal sealed class Test_6_1_27_1 : ProfileTest
{
    private static readonly string[] Categories = ["description", "details", "general", "summary"];

    public override string Number => "6.1.27.1";

    protected override string[] Profiles => ["csaf_informational_advisory", "csaf_security_incident_response"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category)
    {
        if (!CsafProducts.Strings(JsonWalk.Select(document, "/document/notes[]/category")).Any(c => Categories.Contains(c.Id)))
        {
            yield return Fail("/document/notes", category, "no note of category description, details, general or summary");
        }
    }
}
