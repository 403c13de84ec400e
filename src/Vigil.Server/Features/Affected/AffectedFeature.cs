using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Affected;

/// <summary>"Am I affected?": an organisation's inventory checked against the documents it may read.</summary>
public static class AffectedFeature
{
    public static IServiceCollection AddAffected(this IServiceCollection services)
    {
        services.AddSingleton<PublishedNoteCatalog>();
        services.AddSingleton<ImportedAdvisoryCatalog>();
        services.AddScoped<IAffectedProductSource, PublishedNoteSource>();
        services.AddScoped<IAffectedProductSource, ImportedAdvisorySource>();
        services.AddScoped<ExposureCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapAffected(this IEndpointRouteBuilder app)
    {
        // Open to everyone, like the notes themselves: each source narrows what the caller learns to what it may read.
        var group = app.MapGroup("/api/v1/affected").WithTags("Affected").RequireAuthorization(Policies.Public);
        // Up to 16 MiB to parse and match, for anyone: a tight limit of its own on top of the per-caller one.
        group.MapPost("/", CheckExposure.Check).Accepts<object>("application/json").RequireRateLimiting(RateLimits.Heavy)
            .WithName("CheckAffected").WithSummary("The notes that affect a CycloneDX SBOM or a list of products and versions");
        return app;
    }
}
