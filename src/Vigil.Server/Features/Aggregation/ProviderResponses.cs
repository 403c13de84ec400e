using Vigil.Data.Entities;
using Vigil.Server.Features.Advisories;

namespace Vigil.Server.Features.Aggregation;

/// <summary>A followed provider, with its last run (null before the first).</summary>
/// <param name="Configured">True when the configuration lists it rather than an analyst.</param>
public sealed record ProviderResponse(
    long Id, string Url, AdvisoryPublisher? Publisher, string? Role, string? MetadataLastUpdated, bool ListOnAggregators,
    bool Configured, DateTimeOffset AddedAt, RunSummary? LastRun)
{
    public static ProviderResponse From(FollowedProvider p, ProviderRun? lastRun) => new(
        p.Id, p.MetadataUrl,
        p.PublisherName is null ? null : new AdvisoryPublisher(p.PublisherName, p.PublisherNamespace!, p.PublisherCategory!),
        p.Role, p.MetadataLastUpdated, p.ListOnAggregators, p.AddedBy is null, p.AddedAt, lastRun is null ? null : RunSummary.From(lastRun));
}

/// <summary>What one run counted.</summary>
public sealed record RunSummary(
    long Id, string Trigger, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int Imported, int Unchanged, int Refused, int Skipped)
{
    public static RunSummary From(ProviderRun r) => new(r.Id, r.Trigger, r.StartedAt, r.FinishedAt, r.Imported, r.Unchanged, r.Refused, r.Skipped);
}

/// <summary>One document (or feed, key, listing) a run imported, refused or skipped.</summary>
/// <param name="Advisory">Where the stored advisory is, when imported.</param>
public sealed record RunEntryResponse(string Url, string Outcome, string? Reason, long? AdvisoryId, string? Advisory);

/// <summary>A run with every document it imported, refused or skipped.</summary>
public sealed record RunResponse(long ProviderId, string ProviderUrl, RunSummary Run, IReadOnlyList<RunEntryResponse> Entries)
{
    public static RunResponse From(FollowedProvider provider, ProviderRun run, IEnumerable<RunOutcome> outcomes) => new(
        provider.Id, provider.MetadataUrl, RunSummary.From(run),
        [.. outcomes.Select(o => new RunEntryResponse(o.Url, o.Outcome, o.Reason, o.AdvisoryId,
            o.AdvisoryId is { } id ? $"/api/v1/advisories/{id}" : null))]);
}
