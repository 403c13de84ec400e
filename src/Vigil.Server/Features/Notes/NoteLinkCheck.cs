using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Notes;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.Notes;

/// <summary>A note may link only incidents and indicator collections that exist.</summary>
public static class NoteLinkCheck
{
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(VigilDbContext db, NoteContent content, string pointerPrefix, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var incidents = content.IncidentIds.ToList();
        var knownIncidents = await db.Incidents.Where(i => incidents.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < incidents.Count; i++)
        {
            if (!knownIncidents.Contains(incidents[i]))
            {
                errors.Add(new FieldError($"{pointerPrefix}/incident_ids/{i}", $"there is no incident {incidents[i]}"));
            }
        }
        var collections = content.IndicatorCollectionIds.ToList();
        var knownCollections = await db.IndicatorCollections.Where(c => collections.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < collections.Count; i++)
        {
            if (!knownCollections.Contains(collections[i]))
            {
                errors.Add(new FieldError($"{pointerPrefix}/indicator_collection_ids/{i}", $"there is no indicator collection {collections[i]}"));
            }
        }
        return errors;
    }
}
