using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vigil.Data;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Health;

public static class HealthFeature
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StorageSpaceHealthCheck>("storage");
        // Each /healthz that finds a check Degraded would log a warning: a monitor asking every few seconds would
        // repeat what the storage-full episode says once. Unhealthy (an error) is still logged.
        services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error));
        return services;
    }

    /// <summary>
    /// GET /healthz: 200 "Healthy" when the database answers and stores; 200 "Degraded" while the storage is full
    /// (reads are served, writes refused); 503 otherwise. Below a status other than Healthy, one line per check that
    /// is not, saying why.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"\n{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(report.Status + string.Concat(reasons));
    }

    /// <summary>
    /// A PostgreSQL server whose disk is full refuses new connections (it cannot write a cache file for them): that is
    /// the full storage again, Degraded, not a database gone.
    /// </summary>
    private sealed class DatabaseHealthCheck(VigilDbContext db, StorageFullEpisode episode) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy()
                    : episode.Current is not null ? HealthCheckResult.Degraded("the database takes no new connection while the storage is full")
                    : HealthCheckResult.Unhealthy("The database does not answer.");
            }
            catch (Exception e) when (StorageFull.Is(e))
            {
                return HealthCheckResult.Degraded("the database takes no new connection while the storage is full");
            }
        }
    }

    /// <summary>Anyone may ask: the reason names no path, database or figure, only since when.</summary>
    private sealed class StorageSpaceHealthCheck(StorageFullEpisode episode) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(episode.Current is { } full
                ? HealthCheckResult.Degraded($"the storage is full since {full.Since:yyyy-MM-ddTHH:mm:ssZ}: writes are refused (503), reads are served")
                : HealthCheckResult.Healthy());
    }
}
