namespace Vigil.Data.Entities;

/// <summary>
/// A CSAF publisher namespace and the followed provider it belongs to: the first provider whose metadata declared it,
/// or the one an analyst pinned it to. Documents under the namespace from any other provider are refused.
/// </summary>
public sealed class PublisherNamespace
{
    /// <summary>The namespace as the aggregation compares it (lower case, no trailing slash).</summary>
    public required string Namespace { get; init; }
    public long ProviderId { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    /// <summary>The analyst who pinned it; null when the provider's metadata claimed it first.</summary>
    public string? PinnedBy { get; set; }
}
