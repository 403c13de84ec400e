using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Scheduling;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// Forgets stored first answers once their retry window has passed (<see cref="Retention"/>): a key is for
/// retrying one request, not for ever. Submissions themselves are never pruned.
/// </summary>
public sealed partial class IdempotencyRecordPruner(IServiceProvider services, TimeProvider clock, ILogger<IdempotencyRecordPruner> logger, JobRunRecorder runs)
    : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await runs.RunAsync("idempotency-pruner", ct => PruneAsync(services, clock.GetUtcNow() - Retention, ct), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }
        }
    }

    public static async Task<int> PruneAsync(IServiceProvider services, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Pruning idempotency records failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
