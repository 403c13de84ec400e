using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>Writes STIX 2.1 bundles that validate against the OASIS JSON schemas.</summary>
public static class StixBundleWriter
{
    /// <summary>Writes a bundle as UTF-8 JSON.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <param name="indented">Whether to indent the output for people to read.</param>
    public static void Write(StixBundle bundle, Stream utf8Json, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = indented });
        Write(bundle, writer);
    }

    /// <summary>Writes a bundle as a JSON string.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <param name="indented">Whether to indent the output for people to read.</param>
    /// <returns>The bundle's JSON.</returns>
    public static string ToJson(StixBundle bundle, bool indented = false)
    {
        using var buffer = new MemoryStream();
        Write(bundle, buffer, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a bundle to a JSON writer.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(StixBundle bundle, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteString("id", bundle.Id);
        writer.WriteStartArray("objects");
        foreach (var stixObject in bundle.Objects)
        {
            StixObjectWriter.Write(stixObject, writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }
}
