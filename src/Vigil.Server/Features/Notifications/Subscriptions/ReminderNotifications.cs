using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Json;
using Vigil.Server.Features.Reminders;
using Vigil.Server.Features.Sharing;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Tells an incident's subscribers of the reminders just stored for it, in the same transaction: the unique index on
/// reminders refuses a second server's copy, and with it that server's messages.
/// </summary>
public static class ReminderNotifications
{
    public static async Task AddAsync(VigilDbContext db, IReadOnlyList<Reminder> reminders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var incidentId in reminders.Select(r => r.IncidentId).Distinct())
        {
            var incident = await db.Incidents.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == incidentId)
                .Select(i => new SharedThing(AudienceFilters.Incident, i.Id, i.Tlp, i.OrganisationId)).SingleAsync(cancellationToken);
            foreach (var reminder in reminders.Where(r => r.IncidentId == incidentId))
            {
                await NotificationRouter.AddAsync(db, new NotificationEvent(
                    reminder.Kind == ReminderKinds.Overdue ? NotificationEvents.DeadlineOverdue : NotificationEvents.DeadlineDueSoon,
                    EventIdOf(reminder), Data(reminder), now)
                {
                    Organisations = [reminder.OrganisationId],
                    About = incident,
                    KnowingSuffices = true,
                }, now, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The reminder's natural key (what its unique index holds), so the id is known before it is stored and is the
    /// same on every server that raises it: <c>reminder:INCIDENT:SUBJECT:DUE:LEAD</c>, hashed when too long for the column.
    /// </summary>
    public static string EventIdOf(Reminder reminder)
    {
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{reminder.IncidentId}:{reminder.Subject}:{reminder.DueAt.ToUnixTimeSeconds()}:{reminder.LeadSeconds}");
        return key.Length <= 180 ? "reminder:" + key : "reminder:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static JsonObject Data(Reminder reminder) => new()
    {
        ["incident_id"] = reminder.IncidentId,
        ["regime"] = reminder.RegimeId,
        ["stage"] = reminder.StageId,
        ["request"] = reminder.RequestSequence,
        ["due_at"] = reminder.DueAt.ToUniversalTime(),
        ["lead"] = reminder.LeadSeconds == 0 ? null : IsoDuration.Format(TimeSpan.FromSeconds(reminder.LeadSeconds)),
        ["kind"] = reminder.Kind,
    };
}
