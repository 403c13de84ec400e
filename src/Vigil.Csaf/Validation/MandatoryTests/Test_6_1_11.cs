using System.Text.Json;
using Vigil.Domain.Notes;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.11 CWE: a vulnerability's CWE id is a known weakness and its name is that weakness's name.</summary>
internal sealed class Test_6_1_11 : IMandatoryTest
{
    public string Number => "6.1.11";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (path, cwe) in JsonWalk.Select(document, "/vulnerabilities[]/cwe"))
        {
            if (JsonWalk.String(cwe, "id") is not { } id) { continue; }
            if (!CweCatalog.TryGetName(id, out var name))
            {
                yield return new CsafFinding(Number, $"{path}/id", $"{id} is not a known CWE weakness");
            }
            else if (JsonWalk.String(cwe, "name") is { } given && given != name)
            {
                yield return new CsafFinding(Number, $"{path}/name", $"{id} is named \"{name}\", not \"{given}\"");
            }
        }
    }
}
