using System.Text.Json;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>JSON and JSON lines: every string value (and property name) is scanned, named by its JSON path.</summary>
internal static class JsonArtefacts
{
    public static void ReadLines(Stream stream, ScanSession session)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) { continue; }
            try
            {
                using var document = JsonDocument.Parse(line);
                Walk(document.RootElement, "$", number, "line", session);
            }
            catch (JsonException)
            {
                // A line that is not JSON (a truncated log, a header) is still searched as text.
                session.At(null, "line", number);
                session.ObserveText(line);
            }
        }
    }

    public static void ReadDocument(Stream stream, ScanSession session)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException) when (stream.CanSeek)
        {
            // A file named .json that is not JSON is still searched as text.
            stream.Position = 0;
            PlainFormats.Lines(stream, session);
            return;
        }
        using (document) { Walk(document.RootElement, "$", 1, "document", session); }
    }

    private static void Walk(JsonElement element, string path, long number, string unit, ScanSession session)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = $"{path}.{property.Name}";
                    session.At(child, unit, number);
                    session.ObserveText(property.Name);
                    Walk(property.Value, child, number, unit, session);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) { Walk(item, $"{path}[{index++}]", number, unit, session); }
                break;
            case JsonValueKind.String:
                session.At(path, unit, number);
                session.ObserveText(element.GetString()!);
                break;
        }
    }
}
