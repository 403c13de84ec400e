using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.8 Vulnerability ID: in a VEX document every vulnerability has a CVE or other ids.</summary>
internal sealed class Test_6_1_27_8 : ProfileTest
{
    public override string Number => "6.1.27.8";

    protected override string[] Profiles => ["csaf_vex"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category) =>
        JsonWalk.Select(document, "/vulnerabilities[]")
            .Where(v => !JsonWalk.Has(v.Value, "cve") && !JsonWalk.Has(v.Value, "ids"))
            .Select(v => Fail(v.Path, category, "the vulnerability has neither cve nor ids"));
}
