using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// A note's revisions as one reader sees them. Each revision keeps the label it was published under, so a note now
/// CLEAR may have AMBER or RED revisions behind it: those the reader's audience allows come whole, the others as
/// placeholders (number, version, date, label) so that the numbering stays honest and nothing they said shows.
/// </summary>
public static class RevisionsForReader
{
    /// <summary>One revision in order: <see cref="Revision"/> is null when it is withheld from this reader.</summary>
    public sealed record Entry(int Sequence, string Version, DateTimeOffset ReceivedAt, string Tlp, NoteRevision? Revision)
    {
        public bool Withheld => Revision is null;
    }

    /// <summary>Whether the caller sees who recorded each revision: CERT staff do; to anyone else an analyst's id is nobody's business.</summary>
    public static bool ShowsActors(VigilDbContext db) => db.Reader.Standing == ReaderStanding.Cert;

    /// <summary>The revisions of <paramref name="note"/>, which the caller has read through the audience filter.</summary>
    public static async Task<IReadOnlyList<Entry>> ReadAsync(VigilDbContext db, Note note, CancellationToken cancellationToken)
    {
        var readable = await db.NoteRevisions.AsNoTracking().Where(r => r.NoteId == note.Id).ToDictionaryAsync(r => r.Sequence, cancellationToken);
        // Past the filter for the placeholders alone: that a revision exists, its number, version, date and label; never
        // its summary, content, hash or author. The note itself was read through the filter, so it is the reader's.
        var all = await db.NoteRevisions.AsNoTracking().IgnoreQueryFilters([AudienceFilters.Name]).Where(r => r.NoteId == note.Id)
            .OrderBy(r => r.Sequence).Select(r => new { r.Sequence, r.Version, r.ReceivedAt, r.Tlp }).ToListAsync(cancellationToken);
        return [.. all.Select(r => new Entry(r.Sequence, r.Version, r.ReceivedAt, r.Tlp, readable.GetValueOrDefault(r.Sequence)))];
    }
}
