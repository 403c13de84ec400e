using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.26 Prohibited Document Category Name: a category of the base profile neither imitates another
/// profile's name or value (case, dashes, spaces and underscores aside) nor takes the reserved prefix <c>csaf_</c>.</summary>
internal sealed class Test_6_1_26 : IMandatoryTest
{
    private static readonly string[] Profiles =
        ["csaf_security_incident_response", "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex"];

    private static readonly HashSet<string> Imitated = Profiles
        .SelectMany(value => new[] { value, value["csaf_".Length..], })
        .Select(Normalize)
        .ToHashSet(StringComparer.Ordinal);

    public string Number => "6.1.26";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var category = JsonWalk.Select(document, "/document/category").Select(c => c.Value.ValueKind == JsonValueKind.String ? c.Value.GetString() : null).FirstOrDefault();
        if (category is null || category == "csaf_base" || Profiles.Contains(category)) { yield break; }
        if (Imitated.Contains(Normalize(category)))
        {
            yield return new CsafFinding(Number, "/document/category", $"{category} imitates the name of a CSAF profile");
        }
        else if (category.StartsWith("csaf_", StringComparison.OrdinalIgnoreCase))
        {
            yield return new CsafFinding(Number, "/document/category", $"{category} uses the reserved prefix csaf_");
        }
    }

    private static string Normalize(string value) =>
        new([.. value.Where(c => c is not ('-' or '_') && !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
}
