using Vigil.Data;
using Vigil.Server.Infrastructure.Scheduling;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Gives organisations registered before notifications existed (or added by a path that did not add them) their
/// default subscriptions: at start, then hourly. Under the job's lease one process does it at a time, so two servers
/// starting together do not both add a row.
/// </summary>
public sealed partial class SubscriptionDefaultsJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SubscriptionDefaultsJob> logger, JobRunRecorder runs)
    : PeriodicJob(clock, runs)
{
    public const string Name = "subscription-defaults";

    public override string JobName => Name;

    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var added = await DefaultSubscriptions.EnsureAllAsync(scope.ServiceProvider.GetRequiredService<VigilDbContext>(), now, cancellationToken);
        if (added > 0)
        {
            LogAdded(logger, added);
        }
    }

    protected override void RunFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(EventId = 4160, Level = LogLevel.Information, Message = "Added {Count} default subscriptions for organisations that had none")]
    private static partial void LogAdded(ILogger logger, int count);

    [LoggerMessage(EventId = 4161, Level = LogLevel.Warning, Message = "Adding default subscriptions failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
