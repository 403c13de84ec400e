using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>
/// Reads an <c>indicator</c> object straight from its UTF-8 JSON, without building a document first: large bundles
/// are nearly all indicators. It reads exactly what <see cref="StixObjectReader"/> reads and declines (returns null)
/// whenever the object is not a well-formed indicator, so that the document reader handles it and names the problem.
/// </summary>
internal static class IndicatorFastReader
{
    public static StixIndicator? TryRead(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) { return null; }
        string? type = null, id = null, created = null, modified = null, name = null, description = null, pattern = null;
        string? patternType = null, patternVersion = null, validFrom = null, validUntil = null, createdByRef = null;
        IReadOnlyList<string> markings = [], indicatorTypes = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString()!;
            // A property given twice is left to the document reader, which decides which counts; so are markings of
            // single properties, which are rare.
            if (!seen.Add(property) || property == "granular_markings" || !reader.Read()) { return null; }
            if (property is "object_marking_refs" or "indicator_types")
            {
                var values = Strings(ref reader);
                if (property == "object_marking_refs") { markings = values; } else { indicatorTypes = values; }
                continue;
            }
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            // Any other value counts as no string; an object or array is passed over whole.
            reader.Skip();
            switch (property)
            {
                case "type": type = text; break;
                case "id": id = text; break;
                case "created": created = text; break;
                case "modified": modified = text; break;
                case "name": name = text; break;
                case "description": description = text; break;
                case "pattern": pattern = text; break;
                case "pattern_type": patternType = text; break;
                case "pattern_version": patternVersion = text; break;
                case "valid_from": validFrom = text; break;
                case "valid_until": validUntil = text; break;
                case "created_by_ref": createdByRef = text; break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || type != "indicator" || id is null || pattern is null) { return null; }
        if (Time(created) is not { } createdAt || Time(modified) is not { } modifiedAt || Time(validFrom) is not { } validFromAt) { return null; }
        DateTimeOffset? validUntilAt = null;
        if (validUntil is not null && (validUntilAt = Time(validUntil)) is null) { return null; }
        return new StixIndicator
        {
            Id = id, Created = createdAt, Modified = modifiedAt, CreatedByRef = createdByRef, ObjectMarkingRefs = markings,
            Name = name, Description = description, Pattern = pattern, PatternType = patternType ?? "stix",
            PatternVersion = patternVersion, ValidFrom = validFromAt, ValidUntil = validUntilAt, IndicatorTypes = indicatorTypes,
        };
    }

    // The strings of an array, other values passed over; anything but an array counts as no strings, as the document
    // reader counts it.
    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        var values = new List<string>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return values;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) { values.Add(reader.GetString()!); }
            else { reader.Skip(); }
        }
        return values;
    }

    private static DateTimeOffset? Time(string? text)
    {
        if (text is null) { return null; }
        try
        {
            return StixTimestamp.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
