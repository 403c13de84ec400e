namespace Vigil.Server.Infrastructure.Scheduling;

/// <summary>
/// A background job that runs once at start and then at each interval, on the server's clock (so tests move time
/// instead of waiting). A run that fails is logged by <see cref="RunFailed"/> and the next run still comes. Each run
/// is recorded under <see cref="JobName"/> for the administrator's jobs page.
/// </summary>
/// <param name="clock">The server's clock.</param>
/// <param name="runs">Where each run is recorded.</param>
public abstract class PeriodicJob(TimeProvider clock, JobRunRecorder runs) : BackgroundService
{
    /// <summary>The name the job's runs are recorded under (one of <see cref="JobRunRecorder.Jobs"/>).</summary>
    public abstract string JobName { get; }

    /// <summary>False to never run, as configured.</summary>
    protected abstract bool Enabled { get; }

    /// <summary>The time between runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run.</summary>
    /// <param name="cancellationToken">Cancelled when the server stops.</param>
    /// <returns>When the run is done.</returns>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Logs a run that failed.</summary>
    /// <param name="exception">Why.</param>
    protected abstract void RunFailed(Exception exception);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await runs.RunAsync(JobName, RunOnceAsync, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RunFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
