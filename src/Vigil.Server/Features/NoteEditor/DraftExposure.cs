using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Exposure;
using Vigil.Domain.Notes;
using Vigil.Server.Features.Inventory;

namespace Vigil.Server.Features.NoteEditor;

/// <summary>
/// "Who would this hit?": the organisations whose stored inventories a note's products would match if it were
/// published as it stands, by the very matcher the exposure pages and <c>GET .../exposure</c> use (an
/// <see cref="ExposureIndex"/> over the note's entries, components read as <see cref="InventoryStore"/> reads them).
/// Inventories are read through the audience filter: only the CERT (and each organisation its own) reads them, and
/// only analysts reach the pages that show this.
/// </summary>
public static class DraftExposure
{
    public sealed record Hit(string OrganisationId, string OrganisationName, IReadOnlyList<ExposureMatch> Matches);

    public static async Task<IReadOnlyList<Hit>> WouldHitAsync(VigilDbContext db, string noteId, NoteContent content, CancellationToken cancellationToken)
    {
        var index = new ExposureIndex(NoteProductEntry.From(noteId, content));
        var headers = await db.OrganisationInventories.AsNoTracking().ToListAsync(cancellationToken);
        var items = (await db.InventoryItems.AsNoTracking().OrderBy(i => i.OrganisationId).ThenBy(i => i.Position).ToListAsync(cancellationToken))
            .ToLookup(i => i.OrganisationId, StringComparer.Ordinal);
        var names = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var hits = new List<Hit>();
        foreach (var header in headers)
        {
            var stored = new InventoryStore.Stored(header, [.. items[header.OrganisationId]]);
            var matches = index.Match(stored.Components).ToList();
            if (matches.Count > 0)
            {
                hits.Add(new Hit(header.OrganisationId, names.GetValueOrDefault(header.OrganisationId, header.OrganisationId), matches));
            }
        }
        return [.. hits.OrderBy(h => h.OrganisationName, StringComparer.CurrentCulture)];
    }
}
