using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.5 Vulnerability Notes: in a security advisory or VEX document every vulnerability has notes.</summary>
internal sealed class Test_6_1_27_5 : ProfileTest
{
    public override string Number => "6.1.27.5";

    protected override string[] Profiles => ["csaf_security_advisory", "csaf_vex"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category) =>
        JsonWalk.Select(document, "/vulnerabilities[]")
            .Where(v => !JsonWalk.Has(v.Value, "notes"))
            .Select(v => Fail($"{v.Path}/notes", category, "the vulnerability has no notes"));
}
