using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;
using Vigil.Server.Features.NoteEditor;
using Vigil.Server.Features.Sharing;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// A note published or revised, told in the revision's transaction to every organisation whose stored inventory it
/// affects, found by the matcher <c>/exposure</c> and the editor's "who would this hit?" use (<see cref="DraftExposure"/>),
/// and to the CERT's staff who subscribed to notes. Each subscriber hears it only if it may read the revision's label.
/// </summary>
public static class NoteNotifications
{
    public static async Task AddAsync(VigilDbContext db, NoteRevision revision, NoteContent content, CancellationToken cancellationToken)
    {
        var hits = await DraftExposure.WouldHitAsync(db, revision.NoteId, content, cancellationToken);
        await NotificationRouter.AddAsync(db, new NotificationEvent(NotificationEvents.NotePublished,
            string.Create(CultureInfo.InvariantCulture, $"note:{revision.NoteId}:{revision.Sequence}"), new JsonObject
            {
                ["note_id"] = revision.NoteId,
                ["revision"] = revision.Sequence,
                ["version"] = revision.Version,
                ["title"] = content.Title,
                ["cve_ids"] = new JsonArray([.. content.CveIds.Select(c => (JsonNode)c)]),
            }, revision.ReceivedAt)
        {
            Organisations = [.. hits.Select(h => h.OrganisationId)],
            About = new SharedThing(AudienceFilters.Note, revision.NoteId, revision.Tlp, null),
        }, revision.ReceivedAt, cancellationToken);
    }
}
