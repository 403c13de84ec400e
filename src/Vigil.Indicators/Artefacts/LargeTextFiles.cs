using Microsoft.Win32.SafeHandles;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// Reads one large plain-text file on several threads: the file is cut into parts that begin at line starts, each
/// part is read like a whole file, and hits are passed on in file order with their line numbers counted from the
/// file's start. Only for indicators that each need a single value: a conjunction may be met by values in
/// different parts, so such catalogues read the file in one piece.
/// </summary>
internal static class LargeTextFiles
{
    /// <summary>The size a part aims at; a part ends at the first line end after it.</summary>
    public const long DefaultPartSize = 32L << 20;

    public static bool CanSplit(long length, int parallelism, long partSize, IndicatorIndex index) =>
        parallelism > 1 && length >= 2 * partSize && !index.HasConjunctions;

    public static void Read(SafeFileHandle file, string name, IndicatorIndex index, int parallelism, long partSize, Action<IndicatorHit> onHit)
    {
        var length = RandomAccess.GetLength(file);
        var starts = PartStarts(file, length, partSize);
        var finished = new (List<IndicatorHit> Hits, long Lines)?[starts.Count];
        var gate = new Lock();
        var next = 0;
        long linesBefore = 0;
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, part =>
        {
            var hits = new List<IndicatorHit>();
            var end = part + 1 < starts.Count ? starts[part + 1] : length;
            using var stream = new FileRangeStream(file, starts[part], end - starts[part]);
            var session = new ScanSession(index, name, hits.Add);
            var lines = PlainFormats.Lines(stream, session, atFileStart: part == 0);
            session.Complete();
            lock (gate)
            {
                finished[part] = (hits, lines);
                // Pass on every part whose predecessors are all passed on, so hits keep the file's order.
                while (next < finished.Length && finished[next] is { } ready)
                {
                    foreach (var hit in ready.Hits)
                    {
                        onHit(hit with { Location = hit.Location with { Number = hit.Location.Number + linesBefore } });
                    }
                    linesBefore += ready.Lines;
                    finished[next++] = null;
                }
            }
        });
    }

    // Each part after the first starts just after the first line end at least a part's size past the previous start.
    private static List<long> PartStarts(SafeFileHandle file, long length, long partSize)
    {
        var starts = new List<long> { 0 };
        var buffer = new byte[1 << 16];
        var position = partSize - 1;
        while (position < length)
        {
            var read = RandomAccess.Read(file, buffer, position);
            if (read == 0) { break; }
            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline < 0)
            {
                position += read;
                continue;
            }
            var start = position + newline + 1;
            if (start >= length) { break; }
            starts.Add(start);
            position = start + partSize - 1;
        }
        return starts;
    }
}

/// <summary>A read-only stream over a range of a file, read with positioned reads so that ranges can be read at once.</summary>
internal sealed class FileRangeStream(SafeFileHandle file, long offset, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset1, int count) => Read(buffer.AsSpan(offset1, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0) { return 0; }
        var read = RandomAccess.Read(file, buffer[..wanted], offset + _position);
        _position += read;
        return read;
    }

    public override void Flush() { }

    public override long Seek(long offset1, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset1, int count) => throw new NotSupportedException();
}
