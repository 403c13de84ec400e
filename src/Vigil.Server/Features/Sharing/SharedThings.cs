using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Features.Sharing;

/// <summary>A labelled thing as sharing sees it: its kind and id, its label, its owning organisation (null: the CERT).</summary>
public sealed record SharedThing(string Kind, string Id, string Tlp, string? OwnerOrganisationId);

/// <summary>Finds a labelled thing the caller may read (the audience filter decides), by the kind its route names.</summary>
public static class SharedThings
{
    /// <summary>The route prefix of each kind of labelled thing, and the kind its grants are recorded under.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Kind)> Routes =
    [
        ("/api/v1/incidents/{id}", AudienceFilters.Incident),
        ("/api/v1/notes/{id}", AudienceFilters.Note),
        ("/api/v1/indicator-collections/{id}", AudienceFilters.Collection),
        ("/api/v1/advisories/{id:long}", AudienceFilters.Advisory),
    ];

    public static async Task<SharedThing?> FindAsync(VigilDbContext db, string kind, string id, CancellationToken cancellationToken) => kind switch
    {
        AudienceFilters.Incident => await db.Incidents.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new SharedThing(kind, i.Id, i.Tlp, i.OrganisationId)).SingleOrDefaultAsync(cancellationToken),
        AudienceFilters.Note => await db.Notes.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new SharedThing(kind, n.Id, n.Tlp, null)).SingleOrDefaultAsync(cancellationToken),
        AudienceFilters.Collection => await db.IndicatorCollections.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new SharedThing(kind, c.Id, c.Tlp, null)).SingleOrDefaultAsync(cancellationToken),
        AudienceFilters.Advisory when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) =>
            await db.ImportedAdvisories.AsNoTracking().Where(a => a.Id == number)
                .Select(a => new SharedThing(kind, id, a.Tlp, null)).SingleOrDefaultAsync(cancellationToken),
        _ => null,
    };

    /// <summary>The facts the audience rule needs about the thing and this reader.</summary>
    public static async Task<LabelledFacts> FactsAsync(VigilDbContext db, SharedThing thing, AudienceReader reader, CancellationToken cancellationToken)
    {
        var grants = db.AccessGrants.Where(g => g.ObjectKind == thing.Kind && g.ObjectId == thing.Id && g.RevokedAt == null);
        var shared = reader.OrganisationId is { } organisation && await grants.AnyAsync(g => g.OrganisationId == organisation, cancellationToken);
        var named = reader.UserId is { } user && await grants.AnyAsync(g => g.UserId == user, cancellationToken);
        return new LabelledFacts(thing.Tlp, thing.OwnerOrganisationId, shared, named);
    }
}
