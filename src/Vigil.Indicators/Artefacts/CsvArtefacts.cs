using System.Text;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). The first record names the
/// columns; every field is scanned and hits name the record and column.
/// </summary>
internal static class CsvArtefacts
{
    public static void Read(Stream stream, ScanSession session)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, true, 1 << 16, leaveOpen: true);
        List<string>? header = null;
        long record = 0;
        while (ReadRecord(reader) is { } fields)
        {
            record++;
            for (var i = 0; i < fields.Count; i++)
            {
                var column = header is not null && i < header.Count ? header[i] : $"column {i + 1}";
                session.At(column, "record", record);
                session.ObserveText(fields[i]);
            }
            header ??= fields;
        }
    }

    private static List<string>? ReadRecord(StreamReader reader)
    {
        if (reader.Peek() < 0) { return null; }
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0) { break; }
            var c = (char)next;
            if (quoted)
            {
                if (c != '"') { field.Append(c); }
                else if (reader.Peek() == '"') { field.Append((char)reader.Read()); }
                else { quoted = false; }
                continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { break; }
            else if (c != '\r') { field.Append(c); }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
