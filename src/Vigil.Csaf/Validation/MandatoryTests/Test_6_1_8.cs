using System.Text.Json;
using Vigil.Csaf.Cvss;
using Vigil.Csaf.Schema;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.8 Invalid CVSS: each CVSS object is valid against the FIRST schema of its version; v3 vectors are also
/// read by Vigil's CVSS reader and v2 vectors by its v2 reader.</summary>
internal sealed class Test_6_1_8 : IMandatoryTest
{
    public string Number => "6.1.8";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (path, cvss) in CsafCvssObjects.Version2(document))
        {
            foreach (var problem in CsafSchemaValidator.Instance.ValidateCvss(cvss, "2.0"))
            {
                yield return new CsafFinding(Number, path, problem);
            }
            if (Cvss2Vector.Parse(JsonWalk.String(cvss, "vectorString")) is null)
            {
                yield return new CsafFinding(Number, $"{path}/vectorString", "not a CVSS v2.0 vector");
            }
        }
        foreach (var (path, cvss) in CsafCvssObjects.Version3(document))
        {
            var version = JsonWalk.String(cvss, "version") ?? "";
            foreach (var problem in CsafSchemaValidator.Instance.ValidateCvss(cvss, version))
            {
                yield return new CsafFinding(Number, path, problem);
            }
            if (CsafCvssObjects.ReadVersion3(JsonWalk.String(cvss, "vectorString")) is { IsSuccess: false } failed)
            {
                yield return new CsafFinding(Number, $"{path}/vectorString", $"not a CVSS v3 vector: {failed.Error.Message}");
            }
        }
    }
}
