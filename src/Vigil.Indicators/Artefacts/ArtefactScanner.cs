using Microsoft.Data.Sqlite;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// Scans artefacts for the indicators of a catalogue: files in any supported format (text and logs, JSON, JSON
/// lines, CSV, SQLite, gzip, zip, Android bugreports), folders recursively and iOS backup folders. Memory does not
/// grow with the size of the input; files can be read in parallel.
/// </summary>
/// <param name="catalog">The indicators to look for.</param>
/// <param name="options">How to run; defaults to one artefact at a time.</param>
public sealed class ArtefactScanner(IndicatorCatalog catalog, ScanOptions? options = null)
{
    private readonly ScanOptions _options = options ?? new ScanOptions();

    /// <summary>Scans files and folders, reporting each hit as it is found.</summary>
    /// <param name="paths">Files or folders to scan.</param>
    /// <param name="onHit">Called for each hit; calls never overlap, even when scanning in parallel.</param>
    /// <param name="cancellationToken">Stops the scan between artefacts.</param>
    /// <returns>What was scanned and what could not be read.</returns>
    public ScanSummary Scan(IEnumerable<string> paths, Action<IndicatorHit> onHit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(onHit);
        var gate = new Lock();
        int artefacts = 0, hits = 0;
        var errors = new List<string>();
        void Report(IndicatorHit hit)
        {
            lock (gate) { hits++; onHit(hit); }
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        Parallel.ForEach(Units(paths), parallel, unit =>
        {
            var reader = new ArtefactReader(catalog.Index, Report, parallel.MaxDegreeOfParallelism, _options.TextPartSize);
            var error = ReadUnit(unit, reader);
            lock (gate)
            {
                artefacts += reader.Artefacts;
                if (error is not null) { errors.Add(error); }
                _options.FileRead?.Invoke(unit);
            }
        });
        return new ScanSummary(artefacts, hits, errors);
    }

    /// <summary>Scans files and folders and returns every hit.</summary>
    /// <param name="paths">Files or folders to scan.</param>
    /// <returns>The hits, in the order found.</returns>
    public IReadOnlyList<IndicatorHit> Scan(params string[] paths)
    {
        var hits = new List<IndicatorHit>();
        Scan(paths, hits.Add);
        return hits;
    }

    /// <summary>Scans a stream, recognising its format by its first bytes or by <paramref name="name"/>.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="name">The artefact's name, used in hits and to recognise formats by extension.</param>
    /// <param name="onHit">Called for each hit.</param>
    /// <returns>What was scanned.</returns>
    public ScanSummary Scan(Stream stream, string name, Action<IndicatorHit> onHit)
    {
        var hits = 0;
        var reader = new ArtefactReader(catalog.Index, hit => { hits++; onHit(hit); });
        reader.ReadStream(stream, name);
        return new ScanSummary(reader.Artefacts, hits, []);
    }

    // Each file is one unit of work, except an iOS backup, whose files are named through its manifest.
    private static IEnumerable<string> Units(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path) || IosBackup.IsBackup(path)) { yield return path; continue; }
            var pending = new Stack<string>([path]);
            while (pending.TryPop(out var directory))
            {
                if (directory != path && IosBackup.IsBackup(directory)) { yield return directory; continue; }
                foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal)) { yield return file; }
                foreach (var sub in Directory.EnumerateDirectories(directory).OrderDescending(StringComparer.Ordinal)) { pending.Push(sub); }
            }
        }
    }

    private static string? ReadUnit(string unit, ArtefactReader reader)
    {
        try
        {
            if (Directory.Exists(unit)) { IosBackup.Read(unit, reader); }
            else { reader.ReadFile(unit, unit); }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or InvalidDataException
            or System.Text.Json.JsonException)
        {
            return $"{unit}: {e.Message}";
        }
    }
}
