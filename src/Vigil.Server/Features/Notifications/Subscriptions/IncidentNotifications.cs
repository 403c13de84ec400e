using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Features.Sharing;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// What a submission on an incident's record tells its subscribers, in the submission's own transaction: a request for
/// information opened (<c>request.opened</c>) and a change of status (<c>incident.status_changed</c>), whichever path
/// made it.
/// </summary>
public static class IncidentNotifications
{
    /// <param name="before">The incident's view before the submission.</param>
    public static async Task AddAsync(VigilDbContext db, Incident incident, Submission submission, JsonObject before, CancellationToken cancellationToken)
    {
        var about = new SharedThing(AudienceFilters.Incident, incident.Id, incident.Tlp, incident.OrganisationId);
        var sequence = submission.Sequence.ToString(CultureInfo.InvariantCulture);
        if (submission.Kind == SubmissionKind.Request)
        {
            var content = JsonNode.Parse(submission.Content)!.AsObject();
            var due = IncidentConsistency.TimestampOf(content["due_at"]) ?? submission.ReceivedAt;
            await NotificationRouter.AddAsync(db, new NotificationEvent(NotificationEvents.RequestOpened, $"request:{incident.Id}:{sequence}",
                new JsonObject { ["incident_id"] = incident.Id, ["sequence"] = submission.Sequence, ["due_at"] = due.ToUniversalTime() }, submission.ReceivedAt)
            {
                Organisations = [incident.OrganisationId],
                About = about,
                KnowingSuffices = true,
                ReadersOnly = new JsonObject { ["question"] = content["question"]?.DeepClone() },
            }, submission.ReceivedAt, cancellationToken);
        }
        var from = before["status"] is JsonValue value && value.TryGetValue<string>(out var status) ? status : "";
        if (from.Length > 0 && from != incident.Status)
        {
            await NotificationRouter.AddAsync(db, new NotificationEvent(NotificationEvents.IncidentStatusChanged, $"status:{incident.Id}:{sequence}",
                new JsonObject { ["incident_id"] = incident.Id, ["from"] = from, ["to"] = incident.Status }, submission.ReceivedAt)
            {
                Organisations = [incident.OrganisationId],
                About = about,
                KnowingSuffices = true,
            }, submission.ReceivedAt, cancellationToken);
        }
    }
}
