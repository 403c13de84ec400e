using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Notes;

namespace Vigil.Server.Features.Notes;

/// <summary>What a reader looks for among the notes; every part is optional and all given parts must hold.</summary>
public sealed record NoteFilters(
    NoteSearchTerms? Text = null, string? Severity = null, NoteSearchTerms? Product = null, string? Cve = null,
    DateTimeOffset? PublishedFrom = null, DateTimeOffset? PublishedBefore = null)
{
    public bool SearchesIndex => Text is not null || Severity is not null || Product is not null || Cve is not null;
}

/// <summary>One note in a list: what it is about, how bad, its state and label.</summary>
public sealed record NoteListing(
    string Id, string Title, string Status, string Tlp, string? Version, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    string Severity, string Summary, IReadOnlyList<string> CveIds);

/// <summary>
/// Finds the published and withdrawn notes a reader may read: newest publication first, a page at a time. Words,
/// products, CVE ids and the severity are looked up in the full-text index (note_search, which triggers keep in step
/// with each note); the matching ids are then read through <see cref="VigilDbContext.Notes"/>, so the audience filter
/// decides, as everywhere, which notes the reader gets. The index itself is never shown.
/// </summary>
public static class NoteSearch
{
    public sealed record Page(IReadOnlyList<NoteListing> Notes, int Total);

    public static async Task<Page> FindAsync(VigilDbContext db, NoteFilters filters, int page, int pageSize, CancellationToken cancellationToken)
    {
        var notes = db.Notes.AsNoTracking().Where(n => n.Status != NoteWorkflow.Draft);
        if (filters.SearchesIndex)
        {
            var matching = Matching(db, filters);
            notes = notes.Where(n => matching.Contains(n.Id));
        }
        if (filters.PublishedFrom is { } from)
        {
            notes = notes.Where(n => n.PublishedAt >= from);
        }
        if (filters.PublishedBefore is { } before)
        {
            notes = notes.Where(n => n.PublishedAt < before);
        }
        var total = await notes.CountAsync(cancellationToken);
        var rows = await notes.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Year).ThenByDescending(n => n.Number)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new { n.Id, n.Status, n.Tlp, n.Version, n.PublishedAt, n.UpdatedAt, n.Content })
            .ToListAsync(cancellationToken);
        return new Page([.. rows.Select(n =>
        {
            var content = NoteReader.ReadStored(n.Content);
            return new NoteListing(n.Id, content.Title, n.Status, n.Tlp, n.Version, n.PublishedAt, n.UpdatedAt, content.Severity, content.Summary, content.CveIds);
        })], total);
    }

    /// <summary>The ids of the notes whose index row matches; composed into the filtered query, never read alone.</summary>
    private static IQueryable<string> Matching(VigilDbContext db, NoteFilters filters)
    {
        var sql = new StringBuilder("SELECT note_id AS \"Value\" FROM note_search WHERE 1 = 1");
        var arguments = new List<object>();
        string Parameter(object value)
        {
            arguments.Add(value);
            return $"{{{arguments.Count - 1}}}";
        }
        if (db.Database.IsNpgsql())
        {
            if (filters.Text is { } text) { sql.Append($" AND document @@ to_tsquery('simple', {Parameter(text.ToTsQuery())})"); }
            if (filters.Product is { } product) { sql.Append($" AND products @@ to_tsquery('simple', {Parameter(product.ToTsQueryAllWords())})"); }
            if (filters.Cve is { } cve) { sql.Append($" AND {Parameter(cve)} = ANY (cve_ids)"); }
        }
        else
        {
            var match = new List<string>();
            if (filters.Text is { } text) { match.Add($"({text.ToFts5()})"); }
            if (filters.Product is { } product) { match.Add($"products : ({product.ToFts5AllWords()})"); }
            // A CVE id was checked against CVE-YYYY-NNNN, so it holds no quote.
            if (filters.Cve is { } cve) { match.Add($"cve_ids : \"{cve}\""); }
            if (match.Count > 0) { sql.Append($" AND note_search MATCH {Parameter(string.Join(" AND ", match))}"); }
        }
        if (filters.Severity is { } severity) { sql.Append($" AND severity = {Parameter(severity)}"); }
        return db.Database.SqlQuery<string>(FormattableStringFactory.Create(sql.ToString(), [.. arguments]));
    }
}
