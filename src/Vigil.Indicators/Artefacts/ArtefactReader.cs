using System.IO.Compression;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// Reads one artefact in whatever format it has, opening archives and compressed files and reading what is inside
/// them the same way. Each file, entry or table is matched in its own session, so hits name where they are.
/// </summary>
/// <param name="index">The indicators.</param>
/// <param name="onHit">Where hits go.</param>
/// <param name="parallelism">How many threads one large text file may be read with.</param>
/// <param name="partSize">The size of the parts a large text file is read in, when read by several threads.</param>
internal sealed class ArtefactReader(IndicatorIndex index, Action<IndicatorHit> onHit, int parallelism = 1, long partSize = LargeTextFiles.DefaultPartSize)
{
    private const int HeadSize = 64;

    public int Artefacts { get; private set; }

    public List<string> Errors { get; } = [];

    public void ReadFile(string path, string name)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var (head, length) = ReplayedHeadStream.ReadHead(stream, HeadSize);
        stream.Position = 0;
        var format = ArtefactFormats.Detect(name, head.AsSpan(0, length));
        if (format == ArtefactFormat.Sqlite) { Sqlite(path, name); }
        else if (format == ArtefactFormat.Text && !ArtefactFormats.IsUtf16(head.AsSpan(0, length))
            && LargeTextFiles.CanSplit(stream.Length, parallelism, partSize, index))
        {
            Artefacts++;
            LargeTextFiles.Read(stream.SafeFileHandle, name, index, parallelism, partSize, onHit);
        }
        else { Read(stream, name, format); }
    }

    public void ReadStream(Stream stream, string name)
    {
        var (head, length) = ReplayedHeadStream.ReadHead(stream, HeadSize);
        var format = ArtefactFormats.Detect(name, head.AsSpan(0, length));
        using var replayed = new ReplayedHeadStream(head, length, stream);
        if (format != ArtefactFormat.Sqlite)
        {
            Read(replayed, name, format);
            return;
        }
        // SQLite reads files, not streams: an embedded database is copied out for the time of the scan.
        var temporary = Path.GetTempFileName();
        try
        {
            using (var copy = File.Create(temporary)) { replayed.CopyTo(copy); }
            Sqlite(temporary, name);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public ScanSession Session(string name)
    {
        Artefacts++;
        return new ScanSession(index, name, onHit);
    }

    private void Read(Stream stream, string name, ArtefactFormat format)
    {
        switch (format)
        {
            case ArtefactFormat.Gzip:
                using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
                {
                    var inner = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name + "!gunzip";
                    ReadStream(gzip, inner);
                }
                break;
            case ArtefactFormat.Zip: Zip(stream, name); break;
            default: Complete(Session(name), session => PlainFormats.Read(stream, format, session)); break;
        }
    }

    private void Zip(Stream stream, string name)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var entryStream = entry.Open();
            ReadStream(entryStream, $"{name}!{entry.FullName}");
        }
    }

    private void Sqlite(string path, string name) => SqliteArtefacts.Read(path, name, this);

    public static void Complete(ScanSession session, Action<ScanSession> read)
    {
        read(session);
        session.Complete();
    }
}
