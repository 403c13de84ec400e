using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;
using Vigil.Domain.Sharing;

namespace Vigil.Data;

/// <summary>
/// The TLP audience rule (<see cref="TlpAudience"/>) as query filters on every labelled table, bound to the reader of
/// the context (<see cref="IAudienceSource"/>): whatever a handler asks for, it gets only rows its caller may read.
/// Organisation isolation is the same rule: another organisation's AMBER incident is simply not in the table for a
/// reporter. A query that must see past the filter (a figure over every incident, a writer acting under a lock) says
/// so with <c>IgnoreQueryFilters([AudienceFilters.Name])</c>, which a test keeps to a known list of places.
/// </summary>
public static class AudienceFilters
{
    public const string Name = "audience";

    /// <summary>The object kinds of <see cref="AccessGrant.ObjectKind"/>.</summary>
    public const string Incident = "incident", Note = "note", Collection = "collection", Advisory = "advisory";

    internal static void Apply(ModelBuilder model, VigilDbContext db)
    {
        model.Entity<Incident>().HasQueryFilter(Name, Readable<Incident>(db, i => i.Tlp, i => i.OrganisationId, i => i.Id, Incident));
        model.Entity<Submission>().HasQueryFilter(Name, s => db.Set<Incident>().Any(i => i.Id == s.IncidentId));
        model.Entity<Attachment>().HasQueryFilter(Name, a => db.ReadsEverything
            || (a.IncidentId == null ? a.UploadedBy == db.ReaderUserId : db.Set<Incident>().Any(i => i.Id == a.IncidentId)));
        model.Entity<Note>().HasQueryFilter(Name, Both(
            n => db.ReadsEverything || db.ReaderIsCert || n.Status != NoteWorkflow.Draft,
            Readable<Note>(db, n => n.Tlp, _ => null, n => n.Id, Note)));
        model.Entity<NoteRevision>().HasQueryFilter(Name, Both(
            r => db.Set<Note>().Any(n => n.Id == r.NoteId),
            Readable<NoteRevision>(db, r => r.Tlp, _ => null, r => r.NoteId, Note)));
        model.Entity<IndicatorCollection>().HasQueryFilter(Name, Readable<IndicatorCollection>(db, c => c.Tlp, _ => null, c => c.Id, Collection));
        model.Entity<CollectionIndicator>().HasQueryFilter(Name, Both(
            i => db.Set<IndicatorCollection>().Any(c => c.Id == i.CollectionId),
            Readable<CollectionIndicator>(db, i => i.Tlp, _ => null, i => i.CollectionId, Collection)));
        model.Entity<ImportedAdvisory>().HasQueryFilter(Name, Readable<ImportedAdvisory>(db, a => a.Tlp, _ => null, a => a.Id.ToString(), Advisory));
        model.Entity<OrganisationInventory>().HasQueryFilter(Name, i => db.ReadsEverything || db.ReaderIsCert || i.OrganisationId == db.ReaderOrganisationId);
        model.Entity<InventoryItem>().HasQueryFilter(Name, i => db.ReadsEverything || db.ReaderIsCert || i.OrganisationId == db.ReaderOrganisationId);
        // An event is the CERT's, or its organisation's when meant for it; and an event about a labelled thing follows
        // that thing's label: whoever may not read the thing does not learn what happened to it.
        model.Entity<RecordEvent>().HasQueryFilter(Name, e => db.ReadsEverything
            || ((db.ReaderIsCert || (e.OrganisationMayRead && e.OrganisationId != null && e.OrganisationId == db.ReaderOrganisationId))
                && (e.ObjectKind == Incident ? db.Set<Incident>().Any(i => i.Id == e.ObjectId)
                    : e.ObjectKind == Note ? db.Set<Note>().Any(n => n.Id == e.ObjectId)
                    : e.ObjectKind == Collection ? db.Set<IndicatorCollection>().Any(c => c.Id == e.ObjectId)
                    : e.ObjectKind == Advisory ? db.Set<ImportedAdvisory>().Any(a => a.Id.ToString() == e.ObjectId)
                    : true)));
    }

    /// <summary>
    /// The incidents the reader may know of (<see cref="TlpAudience.MayKnowOf"/>): every one for the CERT and oversight,
    /// which see figures and timelines of what they may not read. Only for answers that carry no content (compliance
    /// figures, due times, the order of submissions); content is read through the ordinary, filtered sets.
    /// </summary>
    public static IQueryable<Incident> KnownIncidents(this VigilDbContext db) =>
        TlpAudience.KnowsOfEveryIncident(db.Reader) ? db.Incidents.IgnoreQueryFilters([Name]) : db.Incidents;

    /// <summary>The submissions of the incidents in <see cref="KnownIncidents"/>, for computing figures from, never for showing.</summary>
    public static IQueryable<Submission> KnownSubmissions(this VigilDbContext db) =>
        TlpAudience.KnowsOfEveryIncident(db.Reader) ? db.Submissions.IgnoreQueryFilters([Name]) : db.Submissions;

    /// <summary>
    /// The grant as one predicate over a row: its label, its owning organisation (null: the CERT), and the id its
    /// shares and names are recorded under.
    /// </summary>
    private static Expression<Func<T, bool>> Readable<T>(
        VigilDbContext db, Expression<Func<T, string>> label, Expression<Func<T, string?>> owner, Expression<Func<T, string>> id, string kind)
    {
        Expression<Func<string, string?, string, bool>> rule = (l, o, i) =>
            db.ReadsEverything
            || db.AnyoneLabels.Contains(l)
            || (o != null && db.ReaderOrganisationId != null && o == db.ReaderOrganisationId && db.OwnerLabels.Contains(l))
            || (db.ReaderOrganisationId != null && db.SharedLabels.Contains(l) && db.Set<AccessGrant>().Any(g =>
                g.ObjectKind == kind && g.ObjectId == i && g.OrganisationId == db.ReaderOrganisationId && g.RevokedAt == null))
            || (db.ReaderUserId != null && db.NamedLabels.Contains(l) && db.Set<AccessGrant>().Any(g =>
                g.ObjectKind == kind && g.ObjectId == i && g.UserId == db.ReaderUserId && g.RevokedAt == null));
        var row = Expression.Parameter(typeof(T), "row");
        var body = ReplacingExpressionVisitor.Replace(
            [rule.Parameters[0], rule.Parameters[1], rule.Parameters[2]],
            [Bind(label, row), Bind(owner, row), Bind(id, row)],
            rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static Expression<Func<T, bool>> Both<T>(Expression<Func<T, bool>> first, Expression<Func<T, bool>> second)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(Bind(first, row), Bind(second, row)), row);
    }

    private static Expression Bind<T, TResult>(Expression<Func<T, TResult>> selector, ParameterExpression row) =>
        ReplacingExpressionVisitor.Replace(selector.Parameters[0], row, selector.Body);
}
