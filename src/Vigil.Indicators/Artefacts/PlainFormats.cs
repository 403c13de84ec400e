using System.Text;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>Readers for artefacts that are one stream of text or bytes.</summary>
internal static class PlainFormats
{
    public static void Read(Stream stream, ArtefactFormat format, ScanSession session)
    {
        switch (format)
        {
            case ArtefactFormat.JsonLines: JsonArtefacts.ReadLines(stream, session); break;
            case ArtefactFormat.Json: JsonArtefacts.ReadDocument(stream, session); break;
            case ArtefactFormat.Csv: CsvArtefacts.Read(stream, session); break;
            case ArtefactFormat.BinaryStrings: PrintableStrings.Read(stream, session); break;
            case ArtefactFormat.AndroidBugreport: AndroidBugreport.Read(stream, session); break;
            default: Lines(stream, session); break;
        }
    }

    /// <summary>Reads text line by line: memory stays bounded by the longest line, whatever the file's size.</summary>
    public static void Lines(Stream stream, ScanSession session)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            session.At(null, "line", ++number);
            session.ObserveText(line);
        }
    }
}
