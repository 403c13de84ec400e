using System.Text;

namespace Vigil.Indicators.Artefacts;

/// <summary>The formats an artefact can be read as.</summary>
internal enum ArtefactFormat
{
    Text,
    JsonLines,
    Json,
    Csv,
    Sqlite,
    Gzip,
    Zip,
    BinaryStrings,
    AndroidBugreport,
}

/// <summary>Decides how to read an artefact: by its first bytes where formats have a signature, else by its name.</summary>
internal static class ArtefactFormats
{
    public static ArtefactFormat Detect(string name, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("SQLite format 3\0"u8)) { return ArtefactFormat.Sqlite; }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b])) { return ArtefactFormat.Gzip; }
        if (head.StartsWith("PK\u0003\u0004"u8)) { return ArtefactFormat.Zip; }
        if (head.StartsWith("bplist"u8)) { return ArtefactFormat.BinaryStrings; }
        // Inside an archive the entry's own name counts: "report.zip!bugreport-1.txt".
        var file = Path.GetFileName(name[(name.LastIndexOf('!') + 1)..]).ToLowerInvariant();
        if (file.StartsWith("bugreport", StringComparison.Ordinal) || file.StartsWith("dumpstate", StringComparison.Ordinal))
        {
            return ArtefactFormat.AndroidBugreport;
        }
        return Path.GetExtension(file) switch
        {
            ".jsonl" or ".ndjson" => ArtefactFormat.JsonLines,
            ".json" => ArtefactFormat.Json,
            ".csv" => ArtefactFormat.Csv,
            _ => LooksBinary(head) ? ArtefactFormat.BinaryStrings : ArtefactFormat.Text,
        };
    }

    // NUL bytes do not occur in text; such files are read for their printable strings instead.
    private static bool LooksBinary(ReadOnlySpan<byte> head) => head.Contains((byte)0) && !IsUtf16(head);

    public static bool IsUtf16(ReadOnlySpan<byte> head) =>
        head.StartsWith(Encoding.Unicode.Preamble) || head.StartsWith(Encoding.BigEndianUnicode.Preamble);
}
