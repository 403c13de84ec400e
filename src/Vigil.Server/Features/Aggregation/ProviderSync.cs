using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Csaf.Distribution;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// One run over a followed provider: read its metadata, keys and listings, take each document (<see cref="DocumentIntake"/>),
/// and record the run with what was imported, refused and skipped. A document that fails is refused with its URL and
/// reason and the run goes on; only metadata that cannot be read ends a run early (recorded as a refusal of the metadata).
/// Runs of one provider never overlap within a server. A run a person asked for is on the record with what it did.
/// </summary>
public sealed partial class ProviderSync(
    VigilDbContext db, ProviderLocator locator, ProviderWalk walk, DocumentIntake intake, PublisherNamespaceClaims claims,
    EventRecorder events, WriteTransactions writes, TimeProvider clock, IOptions<AggregationOptions> options, ILogger<ProviderSync> logger)
{
    public const string Scheduled = "scheduled";
    public const string Requested = "requested";

    /// <summary>The event of a run a person asked for.</summary>
    public const string RunRequestedEvent = "provider-run-requested";

    private static readonly ConcurrentDictionary<long, SemaphoreSlim> Running = new();

    /// <param name="requestedBy">The person who asked for the run; null for Vigil's own schedule.</param>
    public async Task<(ProviderRun Run, IReadOnlyList<RunOutcome> Outcomes)> RunAsync(
        long providerId, string trigger, ClaimsPrincipal? requestedBy, CancellationToken cancellationToken)
    {
        var gate = Running.GetOrAdd(providerId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RunAloneAsync(providerId, trigger, requestedBy, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(ProviderRun, IReadOnlyList<RunOutcome>)> RunAloneAsync(
        long providerId, string trigger, ClaimsPrincipal? requestedBy, CancellationToken cancellationToken)
    {
        var provider = await db.FollowedProviders.SingleAsync(p => p.Id == providerId, cancellationToken);
        var run = new ProviderRun { ProviderId = providerId, Trigger = trigger, RequestedBy = requestedBy?.UserId(), StartedAt = clock.GetUtcNow() };
        var outcomes = new List<RunOutcome>();
        var url = new Uri(provider.MetadataUrl);
        var (metadata, problem) = await locator.ReadAsync(url, cancellationToken);
        if (metadata is null)
        {
            outcomes.Add(RunOutcome.Refuse(url, "provider-metadata.json: " + problem));
        }
        else
        {
            await RememberAsync(provider, metadata, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var found = await walk.WalkAsync(metadata, cancellationToken);
            await KeepKeysAsync(providerId, found.KeyFiles, cancellationToken);
            outcomes.AddRange(found.Problems);
            var namespaceRefusal = await claims.ClaimAsync(providerId, metadata.Publisher.Namespace, cancellationToken);
            var context = new FollowContext(providerId, metadata.Publisher.Namespace, found.Keys, run.RequestedBy, namespaceRefusal)
            {
                KeyProblems = found.KeyProblems,
            };
            var downloaded = 0;
            foreach (var (document, i) in found.Documents.Select((d, i) => (d, i)))
            {
                if (downloaded == options.Value.MaxDocumentsPerRun)
                {
                    outcomes.Add(RunOutcome.Skip(document.Document,
                        $"this and {found.Documents.Count - i - 1} more documents are left for the next run: one run fetches at most {downloaded}"));
                    break;
                }
                var outcome = await TakeAsync(document, context, cancellationToken);
                if (outcome is null)
                {
                    run.Unchanged++;
                    continue;
                }
                downloaded++;
                outcomes.Add(outcome);
            }
        }
        run.Imported = outcomes.Count(o => o.Outcome is RunOutcome.Imported or RunOutcome.Revision);
        run.Refused = outcomes.Count(o => o.Outcome == RunOutcome.Refused);
        run.Skipped = outcomes.Count(o => o.Outcome == RunOutcome.Skipped);
        run.FinishedAt = clock.GetUtcNow();
        await RecordAsync(run, outcomes, requestedBy, cancellationToken);
        LogRun(logger, providerId, run.Imported, run.Unchanged, run.Refused, run.Skipped);
        return (run, outcomes);
    }

    /// <summary>Stores the run with its outcomes and, for a run a person asked for, its event: together or not at all.</summary>
    private async Task RecordAsync(ProviderRun run, List<RunOutcome> outcomes, ClaimsPrincipal? requestedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        db.ProviderRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ProviderRunEntries.AddRange(outcomes.Select(o => new ProviderRunEntry
        {
            RunId = run.Id, Url = o.Url, Outcome = o.Outcome, Reason = o.Reason, AdvisoryId = o.AdvisoryId,
        }));
        if (requestedBy is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            var details = new JsonObject
            {
                ["run_id"] = run.Id, ["imported"] = run.Imported, ["unchanged"] = run.Unchanged, ["refused"] = run.Refused, ["skipped"] = run.Skipped,
            };
            await events.RecordAsync(new EventRecorder.Event(RunRequestedEvent, ProviderFollowing.ObjectKind, run.ProviderId.ToString(CultureInfo.InvariantCulture), details),
                requestedBy, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>One document; an unexpected failure refuses that document alone.</summary>
    private async Task<RunOutcome?> TakeAsync(DocumentLocation document, FollowContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await intake.TakeAsync(document, context, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            LogDocumentFailed(logger, document.Document.AbsoluteUri, e);
            return RunOutcome.Refuse(document.Document, "the document could not be taken: " + e.GetType().Name);
        }
    }

    private async Task RememberAsync(FollowedProvider provider, ProviderMetadata metadata, CancellationToken cancellationToken)
    {
        // Column limits guard against a provider writing more than the specification allows.
        var category = Clip(metadata.Publisher.Category, 20);
        var role = Clip(metadata.Role, 40);
        var lastUpdated = Clip(metadata.LastUpdated, 40);
        if (provider.MirrorFolder is null)
        {
            // A publisher may be named like another's numbered folder ("acme-7"): number again until the folder is free.
            var folder = MirrorFolder.FromPublisher(metadata.Publisher.Name);
            while (await db.FollowedProviders.AnyAsync(p => p.MirrorFolder == folder && p.Id != provider.Id, cancellationToken))
            {
                folder = MirrorFolder.WithId(folder, provider.Id);
            }
            provider.MirrorFolder = folder;
        }
        var changed = provider.PublisherName != metadata.Publisher.Name || provider.PublisherNamespace != metadata.Publisher.Namespace
            || provider.PublisherCategory != category || provider.Role != role
            || provider.MetadataLastUpdated != lastUpdated || provider.ListOnAggregators != metadata.ListOnAggregators
            || provider.MirrorOnAggregators != metadata.MirrorOnAggregators;
        if (!changed)
        {
            return;
        }
        provider.PublisherName = metadata.Publisher.Name;
        provider.PublisherNamespace = metadata.Publisher.Namespace;
        provider.PublisherCategory = category;
        provider.Role = role;
        provider.MetadataLastUpdated = lastUpdated;
        provider.ListOnAggregators = metadata.ListOnAggregators;
        provider.MirrorOnAggregators = metadata.MirrorOnAggregators;
        provider.ListedAt = clock.GetUtcNow();
    }

    /// <summary>Keeps each key file not held yet, as fetched, for the provider's mirror.</summary>
    private async Task KeepKeysAsync(long providerId, IReadOnlyList<ProviderWalk.KeyFile> keyFiles, CancellationToken cancellationToken)
    {
        var held = await db.ProviderKeys.AsNoTracking().Where(k => k.ProviderId == providerId).Select(k => k.Fingerprint).ToListAsync(cancellationToken);
        var fresh = keyFiles.Where(k => !held.Contains(k.Fingerprint)).DistinctBy(k => k.Fingerprint).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        db.ProviderKeys.AddRange(fresh.Select(k => new ProviderKey
        {
            ProviderId = providerId, Fingerprint = k.Fingerprint, Content = k.Content, FetchedAt = clock.GetUtcNow(),
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server kept the same key a moment ago.
        }
        db.ChangeTracker.Clear();
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information,
        Message = "CSAF provider {ProviderId}: {Imported} imported, {Unchanged} unchanged, {Refused} refused, {Skipped} skipped")]
    private static partial void LogRun(ILogger logger, long providerId, int imported, int unchanged, int refused, int skipped);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Taking the CSAF document {Url} failed")]
    private static partial void LogDocumentFailed(ILogger logger, string url, Exception exception);
}
