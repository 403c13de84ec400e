using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Infrastructure.Scheduling;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Attachments;

/// <summary>
/// Deletes uploads never attached within <see cref="AttachmentsOptions.UnattachedLifetime"/> (they can no longer be),
/// and each stored file no row names any more. An attached file is never deleted: the record commits to its hash.
/// </summary>
public sealed partial class UnattachedUploadCleanup(
    IServiceProvider services, AttachmentBlobs blobs, IOptions<AttachmentsOptions> options, TimeProvider clock, ILogger<UnattachedUploadCleanup> logger, JobRunRecorder runs)
    : PeriodicJob(clock, runs)
{
    public override string JobName => "upload-cleanup";

    protected override bool Enabled => options.Value.CleanupEnabled;

    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = await DeleteExpiredAsync(services, blobs, cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }
    }

    protected override void RunFailed(Exception exception) => LogFailed(logger, exception);

    /// <summary>Deletes the expired uploads (outside a request, the context reads every row); returns how many.</summary>
    public static async Task<int> DeleteExpiredAsync(IServiceProvider services, AttachmentBlobs blobs, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var before = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()
            - scope.ServiceProvider.GetRequiredService<IOptions<AttachmentsOptions>>().Value.UnattachedLifetime;
        var expired = await db.Attachments.AsNoTracking().Where(a => a.IncidentId == null && a.UploadedAt < before)
            .Select(a => new { a.Id, a.Sha256 }).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }
        var ids = expired.Select(a => a.Id).ToList();
        int deleted;
        await using (var transaction = await scope.ServiceProvider.GetRequiredService<WriteTransactions>().BeginAsync(db, cancellationToken))
        {
            // Conditions again in the statement: a row attached since it was read is not deleted.
            deleted = await db.Attachments.Where(a => ids.Contains(a.Id) && a.IncidentId == null && a.UploadedAt < before).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var sha256 in expired.Select(a => a.Sha256).Distinct())
        {
            // A raw inbound message is kept in the same store: its file stays while its message row names it.
            await blobs.DeleteUnreferencedAsync(sha256, async () => await db.Attachments.AnyAsync(a => a.Sha256 == sha256, cancellationToken)
                || await db.InboundMessages.AnyAsync(m => m.RawSha256 == sha256, cancellationToken), cancellationToken);
        }
        return deleted;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Deleted {Count} uploads never attached")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Deleting uploads never attached failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
