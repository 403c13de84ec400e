using System.Text.Json;
using Vigil.Domain.Validation;
using Vigil.Indicators.Stix;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Checks the markings of a bundle's objects. A marking the import cannot make out would be a marking dropped, so each
/// reference must be well formed and name either a fixed TLP definition (TLP 2.0 or 1.0) or a marking definition the
/// bundle holds: a reference to a definition elsewhere might be a TLP marking of another scheme, and is refused.
/// </summary>
public sealed class BundleMarkingChecks
{
    private readonly HashSet<string> _defined;

    public BundleMarkingChecks(JsonElement objects) =>
        _defined = [.. objects.EnumerateArray()
            .Where(o => BundleChecks.Text(o, "type") == "marking-definition")
            .Select(o => BundleChecks.Text(o, "id")).OfType<string>()];

    public void Check(JsonElement o, string at, List<FieldError> errors)
    {
        if (o.ValueKind != JsonValueKind.Object) { return; }
        if (o.TryGetProperty("object_marking_refs", out var refs))
        {
            if (refs.ValueKind != JsonValueKind.Array || refs.GetArrayLength() == 0)
            {
                errors.Add(new FieldError(at + "/object_marking_refs", "must be a non-empty array of marking-definition ids"));
            }
            else
            {
                var index = 0;
                foreach (var reference in refs.EnumerateArray()) { CheckReference(reference, JsonPointer.Append(at + "/object_marking_refs", index++), errors); }
            }
        }
        if (o.TryGetProperty("granular_markings", out var granular)) { CheckGranular(granular, at + "/granular_markings", errors); }
    }

    private void CheckGranular(JsonElement granular, string at, List<FieldError> errors)
    {
        if (granular.ValueKind != JsonValueKind.Array || granular.GetArrayLength() == 0)
        {
            errors.Add(new FieldError(at, "must be a non-empty array of granular markings"));
            return;
        }
        var index = 0;
        foreach (var marking in granular.EnumerateArray())
        {
            var where = JsonPointer.Append(at, index++);
            if (marking.ValueKind == JsonValueKind.Object && marking.TryGetProperty("marking_ref", out var reference))
            {
                CheckReference(reference, where + "/marking_ref", errors);
            }
            else if (marking.ValueKind != JsonValueKind.Object || BundleChecks.Text(marking, "lang") is null)
            {
                errors.Add(new FieldError(where, "must be an object with a marking-definition id in 'marking_ref' (or a 'lang')"));
            }
        }
    }

    private void CheckReference(JsonElement reference, string at, List<FieldError> errors)
    {
        if (reference.ValueKind != JsonValueKind.String || !BundleChecks.IsId(reference.GetString()!, "marking-definition"))
        {
            errors.Add(new FieldError(at, "must be 'marking-definition--' followed by a UUID"));
        }
        else if (StixTlpMarkings.WellKnownLevel(reference.GetString()!) is null && !_defined.Contains(reference.GetString()!))
        {
            errors.Add(new FieldError(at, "names a marking definition that is neither a TLP 2.0 or TLP 1.0 definition nor in the bundle: include its definition"));
        }
    }
}
