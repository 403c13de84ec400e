using System.Text.Json;
using static Vigil.Indicators.Stix.StixJson;

namespace Vigil.Indicators.Stix;

/// <summary>Maps one object's JSON to its typed record by its <c>type</c>.</summary>
internal static class StixObjectReader
{
    public static StixObject Read(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object) { throw new StixFormatException("a bundle entry is not a JSON object"); }
        return Required(o, "type") switch
        {
            "indicator" => Common(o, new StixIndicator
            {
                Id = "", Created = default, Modified = RequiredTime(o, "modified"),
                Name = String(o, "name"), Description = String(o, "description"), Pattern = Required(o, "pattern"),
                PatternType = String(o, "pattern_type") ?? "stix", PatternVersion = String(o, "pattern_version"),
                ValidFrom = RequiredTime(o, "valid_from"), ValidUntil = Time(o, "valid_until"),
                IndicatorTypes = Strings(o, "indicator_types"),
            }),
            "malware" => Common(o, new StixMalware
            {
                Id = "", Created = default, Modified = RequiredTime(o, "modified"),
                Name = String(o, "name"), Description = String(o, "description"),
                IsFamily = o.TryGetProperty("is_family", out var family) && family.ValueKind == JsonValueKind.True,
                MalwareTypes = Strings(o, "malware_types"),
            }),
            "report" => Common(o, new StixReport
            {
                Id = "", Created = default, Modified = RequiredTime(o, "modified"),
                Name = Required(o, "name"), Description = String(o, "description"), Published = RequiredTime(o, "published"),
                ReportTypes = Strings(o, "report_types"), ObjectRefs = Strings(o, "object_refs"),
            }),
            "identity" => Common(o, new StixIdentity
            {
                Id = "", Created = default, Modified = RequiredTime(o, "modified"),
                Name = Required(o, "name"), IdentityClass = String(o, "identity_class"),
                ContactInformation = String(o, "contact_information"),
            }),
            "relationship" => Common(o, new StixRelationship
            {
                Id = "", Created = default, Modified = RequiredTime(o, "modified"),
                RelationshipType = Required(o, "relationship_type"), SourceRef = Required(o, "source_ref"),
                TargetRef = Required(o, "target_ref"), Description = String(o, "description"),
            }),
            "sighting" => Common(o, new StixSighting
            {
                Id = "", Created = default, Modified = RequiredTime(o, "modified"),
                SightingOfRef = Required(o, "sighting_of_ref"), FirstSeen = Time(o, "first_seen"), LastSeen = Time(o, "last_seen"),
                Count = o.TryGetProperty("count", out var count) && count.TryGetInt32(out var n) ? n : null,
                WhereSightedRefs = Strings(o, "where_sighted_refs"), Description = String(o, "description"),
            }),
            "marking-definition" => Common(o, Marking(o)),
            _ => new StixOtherObject(o.Clone()) { Id = Required(o, "id"), Created = Time(o, "created") ?? default },
        };
    }

    private static StixMarkingDefinition Marking(JsonElement o)
    {
        var extension = o.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty(StixMarkingDefinition.Tlp2ExtensionId, out var found) && found.ValueKind == JsonValueKind.Object
            ? String(found, "tlp_2_0") : null;
        var definition = Element(o, "definition");
        var definitionType = String(o, "definition_type");
        return new StixMarkingDefinition
        {
            Id = "", Created = default, Name = String(o, "name"), Tlp = StixMarkingDefinition.ParseTlp2Value(extension),
            DefinitionType = definitionType, Definition = definition,
            LenientTlp = StixTlpMarkings.ParseLevel(extension) ?? StixTlpMarkings.DefinitionLevel(definitionType, definition),
        };
    }

    private static List<StixGranularMarking> Granular(JsonElement o) =>
        o.TryGetProperty("granular_markings", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.Object)
                .Select(g => new StixGranularMarking(String(g, "marking_ref"), String(g, "lang"), Strings(g, "selectors")))]
            : [];

    private static T Common<T>(JsonElement o, T value) where T : StixObject => value with
    {
        Id = Required(o, "id"),
        Created = RequiredTime(o, "created"),
        CreatedByRef = String(o, "created_by_ref"),
        ObjectMarkingRefs = Strings(o, "object_marking_refs"),
        GranularMarkings = Granular(o),
    };
}
