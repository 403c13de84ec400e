using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// The incidents and indicator collections a note links, as one reader may see them. A linked id the reader cannot
/// read is left out of what it is shown (ids are time-ordered, so even an id tells when a report arrived), and a
/// list left empty goes altogether, so that nothing says a link was there. Which ids the reader may read is the
/// audience filter's answer: the incidents and collections that exist for the caller.
/// </summary>
public sealed class VisibleLinks
{
    public const string IncidentsField = "incident_ids", CollectionsField = "indicator_collection_ids";

    private readonly HashSet<string> _incidents;
    private readonly HashSet<string> _collections;

    private VisibleLinks(IEnumerable<string> incidents, IEnumerable<string> collections)
    {
        _incidents = [.. incidents];
        _collections = [.. collections];
    }

    /// <summary>What the caller of <paramref name="db"/> may see of the links in each of these note contents.</summary>
    public static async Task<VisibleLinks> ForAsync(VigilDbContext db, IEnumerable<string> contents, CancellationToken cancellationToken)
    {
        var parsed = contents.Select(c => JsonNode.Parse(c)!.AsObject()).ToList();
        var incidentIds = parsed.SelectMany(c => Ids(c, IncidentsField)).Distinct(StringComparer.Ordinal).ToList();
        var collectionIds = parsed.SelectMany(c => Ids(c, CollectionsField)).Distinct(StringComparer.Ordinal).ToList();
        var incidents = incidentIds.Count == 0 ? []
            : await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        var collections = collectionIds.Count == 0 ? []
            : await db.IndicatorCollections.AsNoTracking().Where(c => collectionIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        return new VisibleLinks(incidents, collections);
    }

    /// <summary>Of these collection ids, those the reader may read, in their order.</summary>
    public IEnumerable<string> Collections(IEnumerable<string> ids) => ids.Where(_collections.Contains);

    /// <summary>A note's content as the reader is shown it: every field as written but the links it may not see.</summary>
    public JsonElement Show(string content)
    {
        var note = JsonNode.Parse(content)!.AsObject();
        Narrow(note, IncidentsField, _incidents);
        Narrow(note, CollectionsField, _collections);
        return JsonSerializer.SerializeToElement(note);
    }

    private static void Narrow(JsonObject note, string field, HashSet<string> visible)
    {
        var kept = Ids(note, field).Where(visible.Contains).ToList();
        if (kept.Count == 0)
        {
            note.Remove(field);
            return;
        }
        note[field] = new JsonArray([.. kept.Select(id => JsonValue.Create(id))]);
    }

    private static IEnumerable<string> Ids(JsonObject note, string field) =>
        note[field] is JsonArray ids ? ids.Select(i => i!.GetValue<string>()) : [];
}
