using Vigil.Server.Infrastructure.Scheduling;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>Makes the daily digests of finished days (see <see cref="DigestGathering"/>), every quarter of an hour.</summary>
public sealed partial class DigestJob(IServiceProvider services, TimeProvider clock, ILogger<DigestJob> logger, JobRunRecorder runs)
    : PeriodicJob(clock, runs)
{
    public const string Name = "notification-digests";

    public override string JobName => Name;

    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => DigestGathering.GatherAsync(services, cancellationToken);

    protected override void RunFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(EventId = 4162, Level = LogLevel.Warning, Message = "Gathering notification digests failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
