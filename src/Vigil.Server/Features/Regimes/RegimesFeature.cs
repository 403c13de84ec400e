using Microsoft.Extensions.Options;
using Vigil.Domain.Regimes;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Regimes;

/// <summary>The reporting regimes, read once at start from their files; a bad file stops start-up.</summary>
public static class RegimesFeature
{
    public static IServiceCollection AddRegimes(this IServiceCollection services)
    {
        services.AddOptions<RegimesOptions>().BindConfiguration(RegimesOptions.Section)
            .Validate(o => o.Directory is null || o.Directory.Trim().Length > 0, "Regimes:Directory must not be blank; leave it out for the default.")
            .ValidateOnStart();
        services.AddSingleton(provider => RegimeDirectory.Load(RegimeDirectory.Resolve(
            provider.GetRequiredService<IOptions<RegimesOptions>>().Value.Directory,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddHostedService<RegimesStartup>();
        services.AddSingleton<Compliance.ComplianceCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegimes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/regimes", (RegimeCatalog catalog) => TypedResults.Ok(catalog.All.OrderBy(r => r.Id, StringComparer.Ordinal).Select(RegimeResponse.From))).RequireAuthorization(Policies.Public)
            .WithTags("Regimes").WithName("ListRegimes").WithSummary("The reporting regimes this server evaluates, with their stages");
        return app;
    }
}

/// <summary>Loads the regimes before the server takes requests, so a bad file stops start-up with its name and field.</summary>
public sealed partial class RegimesStartup(IServiceProvider services, ILogger<RegimesStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<RegimeCatalog>();
        LogLoaded(logger, catalog.All.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Loaded {Count} reporting regimes")]
    private static partial void LogLoaded(ILogger logger, int count);
}
