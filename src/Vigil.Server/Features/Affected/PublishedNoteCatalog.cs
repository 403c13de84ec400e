using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Exposure;
using Vigil.Domain.Notes;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// The published notes read once and indexed once per TLP audience, kept between requests. Each request still asks
/// the database which notes are published at which revision (a small query), rereads only what changed, and rebuilds
/// the indexes only then; so every server sharing the database answers from what is published now.
/// </summary>
public sealed class PublishedNoteCatalog
{
    private const int ChunkSize = 500;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, (int Revisions, AffectingDocument Document)> _notes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AffectingDocuments> _byAudience = new(StringComparer.Ordinal);

    public async Task<AffectingDocuments> ForAudienceAsync(VigilDbContext db, IReadOnlyList<string> audience, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (await RefreshAsync(db, cancellationToken))
            {
                _byAudience.Clear();
            }
            var key = string.Join(',', audience.Order(StringComparer.Ordinal));
            if (!_byAudience.TryGetValue(key, out var documents))
            {
                _byAudience[key] = documents = AffectingDocuments.Of(
                    _notes.Values.Select(n => n.Document).Where(d => audience.Contains(d.Tlp, StringComparer.Ordinal)));
            }
            return documents;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Brings the catalog up to the database; true when anything changed.</summary>
    private async Task<bool> RefreshAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        var published = await Every(db).AsNoTracking().Where(n => n.Status == NoteWorkflow.Published)
            .Select(n => new { n.Id, n.Revisions }).ToDictionaryAsync(n => n.Id, n => n.Revisions, StringComparer.Ordinal, cancellationToken);
        var gone = _notes.Keys.Where(id => !published.ContainsKey(id)).ToList();
        var stale = published.Where(p => !_notes.TryGetValue(p.Key, out var cached) || cached.Revisions != p.Value).Select(p => p.Key).ToList();
        gone.ForEach(id => _notes.Remove(id));
        foreach (var chunk in stale.Chunk(ChunkSize))
        {
            var notes = await Every(db).AsNoTracking().Where(n => chunk.Contains(n.Id) && n.Status == NoteWorkflow.Published)
                .Select(n => new { n.Id, n.Revisions, n.Version, n.Tlp, n.Content }).ToListAsync(cancellationToken);
            foreach (var note in notes)
            {
                var content = NoteReader.ReadStored(note.Content);
                _notes[note.Id] = (note.Revisions, new AffectingDocument(note.Id, PublishedNoteSource.Kind, content.Title, note.Version, note.Tlp,
                    content.Severity, content.CveIds, content.Countermeasures, content.Workarounds, $"/api/v1/notes/{note.Id}",
                    [.. NoteProductEntry.From(note.Id, content)]));
            }
        }
        return gone.Count > 0 || stale.Count > 0;
    }

    // One cache serves every caller: it reads every published note, and each audience's index is cut from them by label.
    private static IQueryable<Note> Every(VigilDbContext db) => db.Notes.IgnoreQueryFilters([AudienceFilters.Name]);
}
