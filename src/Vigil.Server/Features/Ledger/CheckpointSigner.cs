using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Infrastructure.Scheduling;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Signs a checkpoint at most once per interval when the log has grown past the last one (submissions also get one
/// of their own, in their transaction), and the first, empty checkpoint of a new log.
/// </summary>
public sealed partial class CheckpointSigner(IServiceProvider services, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<CheckpointSigner> logger, JobRunRecorder runs)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock);
        do
        {
            try
            {
                await runs.RunAsync("checkpoint-signer", ct => SignIfGrownAsync(services, ct), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (LedgerSigningException) when (!stoppingToken.IsCancellationRequested)
            {
                // Logged where it failed; the next tick tries again.
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Never take the server down: the next tick tries again, and submissions sign their own checkpoints.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Signs and stores a checkpoint if the log is larger than its latest one (or has none); true if it did.</summary>
    public static async Task<bool> SignIfGrownAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
        await using var transaction = await scope.ServiceProvider.GetRequiredService<WriteTransactions>().BeginAsync(db, cancellationToken);
        await writer.LockAsync(cancellationToken);
        var latest = await db.LedgerCheckpoints.OrderByDescending(c => c.TreeSize).Select(c => (long?)c.TreeSize).FirstOrDefaultAsync(cancellationToken);
        if (latest == writer.Size)
        {
            return false;
        }
        writer.SignCheckpoint();
        await writer.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Signing a checkpoint failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
