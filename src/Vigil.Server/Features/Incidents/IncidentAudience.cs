using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Sharing;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// What one reader may read of one incident it may read at all: the incident is labelled as a whole, and its fields
/// and its earlier submissions may be labelled narrower (<see cref="FieldLabels"/>; a submission keeps the label the
/// incident had when it was made). Everything shown of an incident's content passes through here.
/// </summary>
public sealed class IncidentAudience(Func<string, bool> mayRead, JsonObject now)
{
    /// <summary>The incident's current view, the narrower labels of which the reader is then measured against.</summary>
    public JsonObject Now => now;

    public static async Task<IncidentAudience> ForAsync(VigilDbContext db, Incident incident, CancellationToken cancellationToken)
    {
        var facts = await SharedThings.FactsAsync(db, new SharedThing(AudienceFilters.Incident, incident.Id, incident.Tlp, incident.OrganisationId), db.Reader, cancellationToken);
        var reader = db.Reader;
        return new IncidentAudience(label => TlpAudience.MayRead(reader, facts with { Label = label }), JsonNode.Parse(incident.View)!.AsObject());
    }

    /// <summary>
    /// The audiences of many incidents at once for the context's reader, with one query for the grants of them all
    /// (the same facts <see cref="ForAsync"/> reads one incident at a time), for lists that show what each says.
    /// </summary>
    public static async Task<Dictionary<string, IncidentAudience>> ForManyAsync(VigilDbContext db, IReadOnlyCollection<Incident> incidents, CancellationToken cancellationToken)
    {
        var reader = db.Reader;
        var ids = incidents.Select(i => i.Id).ToList();
        var grants = await db.AccessGrants.AsNoTracking()
            .Where(g => g.ObjectKind == AudienceFilters.Incident && ids.Contains(g.ObjectId) && g.RevokedAt == null
                && ((reader.OrganisationId != null && g.OrganisationId == reader.OrganisationId) || (reader.UserId != null && g.UserId == reader.UserId)))
            .Select(g => new { g.ObjectId, g.OrganisationId, g.UserId })
            .ToListAsync(cancellationToken);
        var shared = grants.Where(g => reader.OrganisationId != null && g.OrganisationId == reader.OrganisationId).Select(g => g.ObjectId).ToHashSet(StringComparer.Ordinal);
        var named = grants.Where(g => reader.UserId != null && g.UserId == reader.UserId).Select(g => g.ObjectId).ToHashSet(StringComparer.Ordinal);
        return incidents.ToDictionary(i => i.Id, i =>
        {
            var facts = new LabelledFacts(i.Tlp, i.OrganisationId, shared.Contains(i.Id), named.Contains(i.Id));
            return new IncidentAudience(label => TlpAudience.MayRead(reader, facts with { Label = label }), JsonNode.Parse(i.View)!.AsObject());
        }, StringComparer.Ordinal);
    }

    public bool MayRead(string label) => mayRead(label);

    /// <summary>Whether what was said when the incident stood as <paramref name="then"/> may be read now.</summary>
    public bool MayReadSaidUnder(JsonObject then) =>
        mayRead(TlpLabel.MostRestrictive(FieldLabels.LabelOf(then, "tlp"), FieldLabels.LabelOf(now, "tlp")));

    /// <summary>Whether the reader may read a field, as it was labelled then and as it is labelled now.</summary>
    public bool MayReadField(string field, JsonObject then) =>
        mayRead(TlpLabel.MostRestrictive(FieldLabels.LabelOf(then, field), FieldLabels.LabelOf(now, field)));

    /// <summary><paramref name="fields"/> with each field the reader may not read withheld (said when the incident stood as <paramref name="then"/>).</summary>
    public JsonObject Redact(JsonObject fields, JsonObject then) => FieldLabels.Redact(fields, then, now, mayRead);
}
