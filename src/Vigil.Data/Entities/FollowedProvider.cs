namespace Vigil.Data.Entities;

/// <summary>
/// Another CSAF provider whose documents the CERT imports on a schedule (and lists in its aggregator.json), named by
/// its provider-metadata.json. The publisher fields are what that metadata said at the last run that could read it.
/// </summary>
public sealed class FollowedProvider
{
    public long Id { get; init; }
    /// <summary>The provider's provider-metadata.json; unique.</summary>
    public required string MetadataUrl { get; init; }
    /// <summary>The analyst or admin who followed it; null for a provider listed in the configuration.</summary>
    public string? AddedBy { get; init; }
    public DateTimeOffset AddedAt { get; init; }
    public string? PublisherName { get; set; }
    public string? PublisherNamespace { get; set; }
    public string? PublisherCategory { get; set; }
    /// <summary>csaf_publisher, csaf_provider or csaf_trusted_provider, as the metadata says.</summary>
    public string? Role { get; set; }
    /// <summary>The metadata's own <c>last_updated</c>, as written.</summary>
    public string? MetadataLastUpdated { get; set; }
    /// <summary>The metadata's <c>list_on_CSAF_aggregators</c>: false keeps the provider out of aggregator.json.</summary>
    public bool ListOnAggregators { get; set; }
    /// <summary>The metadata's <c>mirror_on_CSAF_aggregators</c>: false means Vigil serves no mirror of the provider.</summary>
    public bool MirrorOnAggregators { get; set; }
    /// <summary>
    /// The folder of Vigil's mirror of this provider under /.well-known/csaf-aggregator/, made from the publisher's name
    /// when a run first read the metadata, and kept after (so that the mirror's URLs do not move); unique.
    /// </summary>
    public string? MirrorFolder { get; set; }
    /// <summary>When the fields above last changed: the time aggregator.json gives for its list.</summary>
    public DateTimeOffset? ListedAt { get; set; }
}
