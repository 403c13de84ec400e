using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>Writes a marking definition's own properties: the TLP 2.0 extension, or the definition as read.</summary>
internal static class StixMarkingWriter
{
    public static void Write(StixMarkingDefinition m, Utf8JsonWriter w)
    {
        StixObjectWriter.Optional(w, "name", m.Name);
        if (m.Tlp is { } level)
        {
            w.WriteStartObject("extensions");
            w.WriteStartObject(StixMarkingDefinition.Tlp2ExtensionId);
            w.WriteString("extension_type", "property-extension");
            w.WriteString("tlp_2_0", StixMarkingDefinition.Tlp2Value(level));
            w.WriteEndObject();
            w.WriteEndObject();
            return;
        }
        StixObjectWriter.Optional(w, "definition_type", m.DefinitionType);
        if (m.Definition is { } definition)
        {
            w.WritePropertyName("definition");
            definition.WriteTo(w);
        }
    }
}
