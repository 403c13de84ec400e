using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Infrastructure.Scheduling;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// Runs every followed provider at start and then at each interval (<see cref="AggregationOptions.Interval"/>), after
/// following the providers the configuration lists. A provider that fails is logged and tried again next time; the
/// others still run.
/// </summary>
public sealed partial class ProviderScheduler(IServiceProvider services, IOptions<AggregationOptions> options, TimeProvider clock, ILogger<ProviderScheduler> logger, JobRunRecorder runs)
    : PeriodicJob(clock, runs)
{
    public override string JobName => "provider-scheduler";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RunAllAsync(services, cancellationToken);

    protected override void RunFailed(Exception exception) => LogFailed(logger, exception);

    /// <summary>Follows the configured providers not yet followed, then runs each followed provider once.</summary>
    public static async Task RunAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<ProviderScheduler>>();
        List<long> ids;
        await using (var scope = services.CreateAsyncScope())
        {
            await FollowConfiguredAsync(scope.ServiceProvider, logger, cancellationToken);
            ids = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().FollowedProviders.AsNoTracking()
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        }
        foreach (var id in ids)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProviderSync>().RunAsync(id, ProviderSync.Scheduled, null, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogProviderFailed(logger, id, e);
            }
        }
    }

    private static async Task FollowConfiguredAsync(IServiceProvider scoped, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = scoped.GetRequiredService<IOptions<AggregationOptions>>().Value.Providers;
        var following = scoped.GetRequiredService<ProviderFollowing>();
        foreach (var text in configured)
        {
            var (_, problem) = await following.FollowAsync(ProviderLocator.Candidate(text)!, null, cancellationToken);
            if (problem is not null)
            {
                LogConfiguredNotFound(logger, text, problem);
            }
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Running the followed CSAF providers failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "The run of CSAF provider {ProviderId} failed; will retry")]
    private static partial void LogProviderFailed(ILogger logger, long providerId, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "The configured CSAF provider {Provider} cannot be followed: {Problem}")]
    private static partial void LogConfiguredNotFound(ILogger logger, string provider, string problem);
}
