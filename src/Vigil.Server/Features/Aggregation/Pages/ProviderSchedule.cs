using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;

namespace Vigil.Server.Features.Aggregation.Pages;

/// <summary>
/// When the schedule runs each provider next: one interval after its last scheduled run (the scheduler runs every
/// provider at start and then at each interval); null when scheduled runs are switched off.
/// </summary>
public sealed class ProviderSchedule(VigilDbContext db, IOptions<AggregationOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public TimeSpan Interval => options.Value.Interval;

    /// <summary>Each provider's next scheduled run, by provider id; a provider the schedule has not run yet is missing (it runs at the next round).</summary>
    public async Task<Dictionary<long, DateTimeOffset>> NextRunsAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return [];
        }
        var last = await db.ProviderRuns.AsNoTracking().Where(r => r.Trigger == ProviderSync.Scheduled)
            .GroupBy(r => r.ProviderId).Select(g => new { g.Key, Id = g.Max(r => r.Id) }).ToListAsync(cancellationToken);
        var ids = last.Select(l => l.Id).ToList();
        var started = await db.ProviderRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.ProviderId, r.StartedAt }).ToListAsync(cancellationToken);
        return started.ToDictionary(s => s.ProviderId, s => s.StartedAt + Interval);
    }
}
