namespace Vigil.Indicators;

/// <summary>How a scan runs.</summary>
public sealed record ScanOptions
{
    /// <summary>How many artefacts are read at once; 1 (the default) reads them one after another, in order.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Called with its path after each file (or iOS backup folder) has been read; calls never overlap. For progress displays.</summary>
    public Action<string>? FileRead { get; init; }
}

/// <summary>What a scan did.</summary>
/// <param name="Artefacts">How many artefacts (files, archive entries, databases) were read.</param>
/// <param name="Hits">How many hits were reported.</param>
/// <param name="Errors">Artefacts that could not be read, each with the reason; the scan went on without them.</param>
public sealed record ScanSummary(int Artefacts, int Hits, IReadOnlyList<string> Errors);
