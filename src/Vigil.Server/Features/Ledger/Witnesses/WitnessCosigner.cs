using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Ledger;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Scheduling;

namespace Vigil.Server.Features.Ledger.Witnesses;

/// <summary>
/// Asks every configured witness to cosign the latest stored checkpoint, and stores each cosignature that verifies
/// with that witness's key; /ledger/checkpoint then serves it. It runs beside the log and never holds the write
/// lock while it talks to a witness, so a slow or absent witness never delays a submission.
/// </summary>
public sealed partial class WitnessCosigner(
    IServiceProvider services, IOptions<LedgerOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<WitnessCosigner> logger, JobRunRecorder runs)
    : BackgroundService
{
    private readonly List<WitnessProgress> _witnesses = [.. options.Value.Witnesses.Select(w => new WitnessProgress(w))];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_witnesses.Count == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock);
        do
        {
            try
            {
                await runs.RunAsync("witness-cosigner", CosignAllAsync, stoppingToken);
            }
            catch (WitnessesFailedException)
            {
                // Each witness's failure is logged where it happened; the run is recorded as failed.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Asks every witness that is due; throws, naming them, when any did not cosign, so that the run is recorded as failed.</summary>
    private async Task CosignAllAsync(CancellationToken cancellationToken)
    {
        var due = _witnesses.Where(w => w.NotBefore <= clock.GetUtcNow()).ToList();
        var cosigned = await Task.WhenAll(due.Select(w => CosignLatestAsync(w, cancellationToken)));
        var failed = due.Where((_, i) => !cosigned[i]).Select(w => w.Witness.Name).ToList();
        if (failed.Count > 0)
        {
            throw new WitnessesFailedException("No cosignature from " + string.Join(", ", failed));
        }
    }

    private sealed class WitnessesFailedException(string message) : Exception(message);

    /// <summary>False when the witness was asked and gave no cosignature.</summary>
    private async Task<bool> CosignLatestAsync(WitnessProgress progress, CancellationToken cancellationToken)
    {
        var name = progress.Witness.Name;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var latest = await LedgerEndpoints.LatestAsync(db, cancellationToken);
            if (latest is null || await db.WitnessCosignatures.AnyAsync(w => w.CheckpointId == latest.Id && w.Witness == name, cancellationToken))
            {
                return true;
            }
            progress.KnownSize ??= await db.LedgerCheckpoints
                .Where(c => db.WitnessCosignatures.Any(w => w.CheckpointId == c.Id && w.Witness == name))
                .MaxAsync(c => (long?)c.TreeSize, cancellationToken) ?? 0;
            var client = new WitnessClient(httpClients.CreateClient(WitnessClient.HttpClientName), scope.ServiceProvider.GetRequiredService<ILogger<WitnessClient>>());
            var answer = await client.RequestAsync(progress.Witness, SignedNote.Parse(latest.Note), latest.TreeSize,
                Math.Min(progress.KnownSize.Value, latest.TreeSize), old => ProofAsync(db, old, latest.TreeSize, cancellationToken), cancellationToken);
            if (answer.Cosignature is null)
            {
                progress.KnownSize = answer.WitnessSize ?? progress.KnownSize;
                progress.Failed(clock.GetUtcNow());
                return false;
            }
            db.WitnessCosignatures.Add(new WitnessCosignature { CheckpointId = latest.Id, Witness = name, Line = answer.Cosignature.ToLine().TrimEnd('\n'), CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            progress.Succeeded(latest.TreeSize);
            LogCosigned(logger, name, latest.TreeSize);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A witness that is down, slow or wrong must never take the log down: back off and ask again later.
            progress.Failed(clock.GetUtcNow());
            LogFailed(logger, name, e);
            return false;
        }
    }

    private static async Task<IReadOnlyList<byte[]>> ProofAsync(VigilDbContext db, long oldSize, long newSize, CancellationToken cancellationToken) =>
        oldSize == 0 ? [] : (await ConsistencyProof.CreateAsync(new DbHashReader(db), oldSize, newSize, cancellationToken)).Hashes;

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Witness {Witness} cosigned the checkpoint of size {Size}")]
    private static partial void LogCosigned(ILogger logger, string witness, long size);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Asking witness {Witness} for a cosignature failed; will retry")]
    private static partial void LogFailed(ILogger logger, string witness, Exception exception);
}
