using System.Text;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// Reads binary files (binary property lists, unknown formats) for their runs of printable ASCII, as
/// <c>strings</c> does; each run's byte offset is its position.
/// </summary>
internal static class PrintableStrings
{
    private const int MinimumRun = 4;

    public static void Read(Stream stream, ScanSession session)
    {
        var buffer = new byte[1 << 16];
        var run = new StringBuilder();
        long offset = 0;
        long runStart = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++, offset++)
            {
                var b = buffer[i];
                if (b is >= 0x20 and < 0x7f)
                {
                    if (run.Length == 0) { runStart = offset; }
                    run.Append((char)b);
                    continue;
                }
                Flush(run, runStart, session);
            }
        }
        Flush(run, runStart, session);
    }

    private static void Flush(StringBuilder run, long start, ScanSession session)
    {
        if (run.Length >= MinimumRun)
        {
            session.At(null, "offset", start);
            session.ObserveText(run.ToString());
        }
        run.Clear();
    }
}
