using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>Writes one object with the property names and shapes of the STIX 2.1 specification.</summary>
internal static class StixObjectWriter
{
    public static void Write(StixObject value, Utf8JsonWriter w)
    {
        if (value is StixOtherObject other)
        {
            other.Raw.WriteTo(w);
            return;
        }
        w.WriteStartObject();
        w.WriteString("type", value.Type);
        w.WriteString("spec_version", "2.1");
        w.WriteString("id", value.Id);
        Optional(w, "created_by_ref", value.CreatedByRef);
        w.WriteString("created", StixTimestamp.Format(value.Created));
        if (value is StixVersionedObject versioned) { w.WriteString("modified", StixTimestamp.Format(versioned.Modified)); }
        switch (value)
        {
            case StixIndicator i: Indicator(i, w); break;
            case StixMalware m: Malware(m, w); break;
            case StixReport r: Report(r, w); break;
            case StixIdentity i: Identity(i, w); break;
            case StixRelationship r: Relationship(r, w); break;
            case StixSighting s: Sighting(s, w); break;
            case StixMarkingDefinition m: StixMarkingWriter.Write(m, w); break;
        }
        List(w, "object_marking_refs", value.ObjectMarkingRefs);
        Granular(w, value.GranularMarkings);
        w.WriteEndObject();
    }

    private static void Granular(Utf8JsonWriter w, IReadOnlyList<StixGranularMarking> markings)
    {
        if (markings.Count == 0) { return; }
        w.WriteStartArray("granular_markings");
        foreach (var marking in markings)
        {
            w.WriteStartObject();
            Optional(w, "marking_ref", marking.MarkingRef);
            Optional(w, "lang", marking.Lang);
            List(w, "selectors", marking.Selectors);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Indicator(StixIndicator i, Utf8JsonWriter w)
    {
        Optional(w, "name", i.Name);
        Optional(w, "description", i.Description);
        List(w, "indicator_types", i.IndicatorTypes);
        w.WriteString("pattern", i.Pattern);
        w.WriteString("pattern_type", i.PatternType);
        Optional(w, "pattern_version", i.PatternVersion);
        w.WriteString("valid_from", StixTimestamp.Format(i.ValidFrom));
        if (i.ValidUntil is { } until) { w.WriteString("valid_until", StixTimestamp.Format(until)); }
    }

    private static void Malware(StixMalware m, Utf8JsonWriter w)
    {
        Optional(w, "name", m.Name);
        Optional(w, "description", m.Description);
        List(w, "malware_types", m.MalwareTypes);
        w.WriteBoolean("is_family", m.IsFamily);
    }

    private static void Report(StixReport r, Utf8JsonWriter w)
    {
        w.WriteString("name", r.Name);
        Optional(w, "description", r.Description);
        List(w, "report_types", r.ReportTypes);
        w.WriteString("published", StixTimestamp.Format(r.Published));
        List(w, "object_refs", r.ObjectRefs);
    }

    private static void Identity(StixIdentity i, Utf8JsonWriter w)
    {
        w.WriteString("name", i.Name);
        Optional(w, "identity_class", i.IdentityClass);
        Optional(w, "contact_information", i.ContactInformation);
    }

    private static void Relationship(StixRelationship r, Utf8JsonWriter w)
    {
        w.WriteString("relationship_type", r.RelationshipType);
        Optional(w, "description", r.Description);
        w.WriteString("source_ref", r.SourceRef);
        w.WriteString("target_ref", r.TargetRef);
    }

    private static void Sighting(StixSighting s, Utf8JsonWriter w)
    {
        Optional(w, "description", s.Description);
        if (s.FirstSeen is { } first) { w.WriteString("first_seen", StixTimestamp.Format(first)); }
        if (s.LastSeen is { } last) { w.WriteString("last_seen", StixTimestamp.Format(last)); }
        if (s.Count is { } count) { w.WriteNumber("count", count); }
        w.WriteString("sighting_of_ref", s.SightingOfRef);
        List(w, "where_sighted_refs", s.WhereSightedRefs);
    }

    internal static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) { w.WriteString(name, value); }
    }

    // The schemas require at least one item in every list property, so empty lists are left out.
    internal static void List(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) { return; }
        w.WriteStartArray(name);
        foreach (var value in values) { w.WriteStringValue(value); }
        w.WriteEndArray();
    }
}
