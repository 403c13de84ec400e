using System.Buffers;
using System.Text;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>Readers for artefacts that are one stream of text or bytes.</summary>
internal static class PlainFormats
{
    private const int BlockSize = 1 << 20;

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

    /// <summary>
    /// Reads UTF-8 text line by line from blocks of bytes, with no allocation per line: memory stays bounded by the
    /// block and the longest line, whatever the file's size. ASCII lines (most of any log) are widened, not decoded.
    /// A UTF-16 file (by its byte order mark) is read through a decoder instead. Returns how many lines were read.
    /// </summary>
    /// <param name="stream">The text.</param>
    /// <param name="session">Where lines go.</param>
    /// <param name="atFileStart">False for a part of a file that does not start it: no byte order mark is looked for.</param>
    public static long Lines(Stream stream, ScanSession session, bool atFileStart = true)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(BlockSize);
        // Lines are decoded one at a time, so this grows only for a line longer than it.
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var filled = Fill(stream, bytes, 0);
            if (atFileStart && filled >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            {
                return DecodedLines(new ReplayedHeadStream(bytes, filled, stream), session);
            }
            // Fill stops early only at the end of the stream.
            var ended = filled < bytes.Length;
            var start = atFileStart && filled >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            long number = 0;
            var filter = session.LineFilter;
            while (true)
            {
                var pending = bytes.AsSpan(start, filled - start);
                var complete = ended ? pending.Length : pending.LastIndexOf((byte)'\n') + 1;
                if (complete > 0)
                {
                    number = filter is null
                        ? EveryLine(pending[..complete], ref chars, session, number)
                        : FilteredLines(pending[..complete], filter, ref chars, session, number);
                    start += complete;
                    pending = pending[complete..];
                }
                if (ended) { return number; }
                // Keep the unfinished line at the front, grow the block if that line fills it, and read on.
                pending.CopyTo(bytes);
                filled = pending.Length;
                start = 0;
                if (filled == bytes.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
                    bytes.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(bytes);
                    bytes = larger;
                }
                filled = Fill(stream, bytes, filled);
                ended = filled < bytes.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // Lines as they come; returns the number of the last line read.
    private static long EveryLine(ReadOnlySpan<byte> text, ref char[] chars, ScanSession session, long number)
    {
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf((byte)'\n');
            Line(newline < 0 ? text : text[..newline], ref chars, session, ++number);
            text = newline < 0 ? [] : text[(newline + 1)..];
        }
        return number;
    }

    // Only the lines the filter picks out are read; the others are counted, so hits keep their line numbers.
    private static long FilteredLines(ReadOnlySpan<byte> text, TextLineFilter filter, ref char[] chars, ScanSession session, long number)
    {
        var position = 0;
        while (position < text.Length && filter.Next(text, position) is var at and >= 0)
        {
            var lineStart = position + text[position..at].LastIndexOf((byte)'\n') + 1;
            number += text[position..lineStart].Count((byte)'\n');
            var length = text[at..].IndexOf((byte)'\n');
            var lineEnd = length < 0 ? text.Length : at + length;
            Line(text[lineStart..lineEnd], ref chars, session, ++number);
            position = lineEnd + 1;
        }
        return position < text.Length ? number + text[position..].Count((byte)'\n') : number;
    }

    private static void Line(ReadOnlySpan<byte> line, ref char[] chars, ScanSession session, long number)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r') { line = line[..^1]; }
        if (chars.Length < line.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(line.Length);
        }
        var count = Ascii.ToUtf16(line, chars, out var written) == OperationStatus.Done
            ? written
            : Encoding.UTF8.GetChars(line, chars);
        session.At(null, "line", number);
        session.ObserveText(chars.AsSpan(0, count));
    }

    /// <summary>Fills the buffer from <paramref name="offset"/> as far as the stream allows; returns the new fill.</summary>
    private static int Fill(Stream stream, byte[] buffer, int offset)
    {
        int read;
        while (offset < buffer.Length && (read = stream.Read(buffer, offset, buffer.Length - offset)) > 0)
        {
            offset += read;
        }
        return offset;
    }

    private static long DecodedLines(Stream stream, ScanSession session)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            session.At(null, "line", ++number);
            session.ObserveText(line);
        }
        return number;
    }
}
