using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Infrastructure.Scheduling;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Reminders;

/// <summary>
/// Checks every open incident's deadlines at each interval and stores the reminders now due (see
/// <see cref="ReminderSchedule"/>). Each is stored once: the ones already stored are skipped, and a unique index
/// refuses a second copy from another server checking at the same moment.
/// </summary>
public sealed partial class ReminderRaiser(IServiceProvider services, IOptions<RemindersOptions> options, TimeProvider clock, ILogger<ReminderRaiser> logger, JobRunRecorder runs)
    : PeriodicJob(clock, runs)
{
    public override string JobName => "reminders";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RaiseDueAsync(services, cancellationToken);

    protected override void RunFailed(Exception exception) => LogFailed(logger, exception);

    /// <summary>Raises every reminder due now that is not yet stored; returns how many it stored.</summary>
    public static async Task<int> RaiseDueAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<RegimeCatalog>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var leads = scope.ServiceProvider.GetRequiredService<IOptions<RemindersOptions>>().Value.EffectiveLeadTimes;
        var open = await db.Incidents.AsNoTracking().Where(i => i.Status != IncidentStatus.Closed)
            .Select(i => new { i.Id, i.OrganisationId }).ToListAsync(cancellationToken);
        var cases = await IncidentCases.LoadAsync(db, [.. open.Select(i => i.Id)], cancellationToken);
        var raised = 0;
        foreach (var incident in open)
        {
            var input = cases[incident.Id];
            var now = clock.GetUtcNow();
            var due = ReminderSchedule.Due(RegimeEvaluator.EvaluateCase(IncidentCases.RegimesOf(input, catalog), input, clock), leads, now);
            if (due.Count > 0)
            {
                raised += await StoreAsync(scope.ServiceProvider, db, incident.Id, incident.OrganisationId, due, now, cancellationToken);
            }
        }
        return raised;
    }

    private static async Task<int> StoreAsync(IServiceProvider scoped, VigilDbContext db, string incidentId, string organisationId,
        IReadOnlyList<DueReminder> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await scoped.GetRequiredService<WriteTransactions>().BeginAsync(db, cancellationToken);
        var stored = (await db.Reminders.AsNoTracking().Where(r => r.IncidentId == incidentId)
            .Select(r => new { r.Subject, r.DueAt, r.LeadSeconds }).ToListAsync(cancellationToken))
            .Select(r => (r.Subject, r.DueAt.UtcTicks, r.LeadSeconds)).ToHashSet();
        var fresh = due.Select(d => ToEntity(incidentId, organisationId, d, now))
            .Where(r => !stored.Contains((r.Subject, r.DueAt.UtcTicks, r.LeadSeconds))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        db.Reminders.AddRange(fresh);
        await Notifications.Subscriptions.ReminderNotifications.AddAsync(db, fresh, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another server stored them first: theirs stand.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private static Reminder ToEntity(string incidentId, string organisationId, DueReminder due, DateTimeOffset now) => new()
    {
        IncidentId = incidentId,
        OrganisationId = organisationId,
        Subject = due.Subject,
        RegimeId = due.RegimeId,
        StageId = due.StageId,
        RequestSequence = due.RequestId is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null,
        Kind = due.IsOverdue ? ReminderKinds.Overdue : ReminderKinds.DueSoon,
        LeadSeconds = (long)(due.Lead?.TotalSeconds ?? 0),
        DueAt = due.DueAt,
        RaisedAt = now,
    };

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Checking deadlines for reminders failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class ReminderKinds
{
    public const string DueSoon = "due_soon";
    public const string Overdue = "overdue";
}
