namespace Vigil.Data.Entities;

/// <summary>
/// One walk over a followed provider: when, why, and how many documents were imported, unchanged, refused and skipped.
/// The imported, refused and skipped documents are listed one by one in <see cref="ProviderRunEntry"/>; unchanged
/// ones are only counted, so that an hourly run over thousands of documents stays small.
/// </summary>
public sealed class ProviderRun
{
    public long Id { get; init; }
    public long ProviderId { get; init; }
    /// <summary><c>scheduled</c>, or <c>requested</c> through the API.</summary>
    public required string Trigger { get; init; }
    /// <summary>Who asked for a requested run.</summary>
    public string? RequestedBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; set; }
    public int Imported { get; set; }
    public int Unchanged { get; set; }
    public int Refused { get; set; }
    public int Skipped { get; set; }
}

/// <summary>A document (or a feed, key or listing) a run imported, refused or skipped, with the reason.</summary>
public sealed class ProviderRunEntry
{
    public long Id { get; init; }
    public long RunId { get; init; }
    public required string Url { get; init; }
    /// <summary><c>imported</c>, <c>revision</c> (a new revision of an advisory already held), <c>refused</c> or <c>skipped</c>.</summary>
    public required string Outcome { get; init; }
    /// <summary>Why it was refused or skipped; for an imported document, anything worth knowing (no hash published).</summary>
    public string? Reason { get; init; }
    /// <summary>The advisory stored from it, when imported.</summary>
    public long? AdvisoryId { get; init; }
}
