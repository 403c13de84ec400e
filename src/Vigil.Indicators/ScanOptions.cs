namespace Vigil.Indicators;

/// <summary>How a scan runs.</summary>
public sealed record ScanOptions
{
    /// <summary>
    /// How many threads read at once; 1 (the default) reads artefacts one after another, in order. Files are read in
    /// parallel, and a large plain-text file is read in parts on this many threads (its hits still in file order).
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>The size of the parts a large text file is cut into when read by several threads.</summary>
    internal long TextPartSize { get; init; } = Artefacts.LargeTextFiles.DefaultPartSize;

    /// <summary>Called with its path after each file (or iOS backup folder) has been read; calls never overlap. For progress displays.</summary>
    public Action<string>? FileRead { get; init; }
}

/// <summary>What a scan did.</summary>
/// <param name="Artefacts">How many artefacts (files, archive entries, databases) were read.</param>
/// <param name="Hits">How many hits were reported.</param>
/// <param name="Errors">Artefacts that could not be read, each with the reason; the scan went on without them.</param>
public sealed record ScanSummary(int Artefacts, int Hits, IReadOnlyList<string> Errors);
