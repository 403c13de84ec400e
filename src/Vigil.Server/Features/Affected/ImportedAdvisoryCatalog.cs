using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Advisories;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Imported advisories' products, each document parsed once and indexed once per TLP audience, kept between requests.
/// Rows of imported advisories are only ever added (each revision is a row of its own, none is edited), so the row
/// count and the highest id tell whether the table changed: each request asks the database for those two figures
/// (two small queries), and only when they differ from what the catalog holds does it reread the rows' tracking
/// fields, pick each advisory's newest revision in each audience, and parse the documents it does not hold. Asking
/// the database on each request, rather than hearing of imports in this process, keeps every server sharing the
/// database current: an import on one is answered by all at once. The count catches a row whose transaction
/// committed after one with a higher id. Only rows that are the newest revision in some audience stay parsed.
/// </summary>
public sealed class ImportedAdvisoryCatalog
{
    private const int ChunkSize = 500;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<long, AffectingDocument> _parsed = [];
    private readonly Dictionary<string, HashSet<long>> _newest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AffectingDocuments> _byAudience = new(StringComparer.Ordinal);
    private List<Row> _rows = [];
    private Stamp? _stamp;

    private sealed record Row(AdvisoryRevisions.Tracking Tracking, string Tlp);

    private readonly record struct Stamp(int Count, long MaxId);

    /// <summary>The documents of the audience <paramref name="labels"/> (<see cref="TlpAudience.PublicationLabels"/>), as the database holds them now.</summary>
    public async Task<AffectingDocuments> ForAudienceAsync(VigilDbContext db, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var stamp = new Stamp(await Every(db).CountAsync(cancellationToken),
            await Every(db).MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_stamp != stamp)
            {
                await RefreshAsync(db, cancellationToken);
            }
            var key = Key(labels);
            if (!_byAudience.TryGetValue(key, out var documents))
            {
                var newest = Newest(labels);
                await ParseAsync(db, [.. newest.Where(id => !_parsed.ContainsKey(id))], cancellationToken);
                _byAudience[key] = documents = AffectingDocuments.Of(
                    newest.Order().Select(_parsed.GetValueOrDefault).OfType<AffectingDocument>());
            }
            return documents;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Rereads every row's tracking fields, and lets go of the documents no audience's newest revisions include.</summary>
    private async Task RefreshAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        _rows = await Every(db).AsNoTracking()
            .Select(a => new Row(new AdvisoryRevisions.Tracking(a.Id, a.PublisherNamespace, a.TrackingId, a.Version, a.CurrentReleaseDate), a.Tlp))
            .ToListAsync(cancellationToken);
        // The stamp of the rows read, not of the earlier count: a row added in between is then seen on the next request.
        _stamp = new Stamp(_rows.Count, _rows.Count == 0 ? 0 : _rows.Max(r => r.Tracking.Id));
        _newest.Clear();
        _byAudience.Clear();
        var kept = TlpAudience.PublicationAudiences.SelectMany(Newest).ToHashSet();
        foreach (var id in _parsed.Keys.Where(id => !kept.Contains(id)).ToList())
        {
            _parsed.Remove(id);
        }
    }

    private HashSet<long> Newest(IReadOnlyList<string> labels)
    {
        var key = Key(labels);
        if (!_newest.TryGetValue(key, out var newest))
        {
            _newest[key] = newest = AdvisoryRevisions.Newest(_rows.Where(r => labels.Contains(r.Tlp, StringComparer.Ordinal)).Select(r => r.Tracking));
        }
        return newest;
    }

    private async Task ParseAsync(VigilDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var advisories = await Every(db).AsNoTracking().Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken);
            foreach (var advisory in advisories)
            {
                _parsed[advisory.Id] = ImportedAdvisorySource.Read(advisory);
            }
        }
    }

    private static string Key(IReadOnlyList<string> labels) => string.Join(',', labels.Order(StringComparer.Ordinal));

    // One cache serves every caller: it reads every row, and each audience's documents are cut from them by label.
    private static IQueryable<ImportedAdvisory> Every(VigilDbContext db) => db.ImportedAdvisories.IgnoreQueryFilters([AudienceFilters.Name]);
}
