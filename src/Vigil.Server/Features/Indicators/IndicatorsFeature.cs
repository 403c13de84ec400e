using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Indicators;

/// <summary>Indicator collections: curated by analysts, shared as STIX 2.1 bundles under TLP.</summary>
public static class IndicatorsFeature
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddOptions<IndicatorSharingOptions>().BindConfiguration(IndicatorSharingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CollectionBundle>();
        services.AddSingleton<Pages.PendingBundles>();
        return services;
    }

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        // Reading is open to everyone: the audience query filters narrow what each caller sees by TLP (anonymous: CLEAR only).
        var group = app.MapGroup("/api/v1/indicator-collections").WithTags("Indicators").RequireAuthorization(Policies.Public);

        group.MapGet("/", ReadCollections.List).RequireRateLimiting(RateLimits.Costly).WithName("ListIndicatorCollections").WithSummary("The collections your TLP audience allows");
        group.MapGet("/{id}", ReadCollections.Get).RequireRateLimiting(RateLimits.Costly).WithName("GetIndicatorCollection").WithSummary("A collection with its indicators");
        group.MapGet("/{id}/stix", ExportCollection.Handle).RequireRateLimiting(RateLimits.Costly).Produces(StatusCodes.Status200OK, contentType: ExportCollection.StixMediaType)
            .WithName("ExportIndicatorCollection").WithSummary("The collection as a STIX 2.1 bundle, signed by the CERT's identity and TLP-marked");

        group.MapPost("/", CreateCollection.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<CreateCollection.Request>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateIndicatorCollection").WithSummary("Open a collection");
        group.MapPatch("/{id}", UpdateCollection.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<CreateCollection.Request>("application/json")
            .WithName("UpdateIndicatorCollection").WithSummary("Change a collection's name, description, malware, TLP or incidents");
        group.MapPost("/{id}/indicators", AddPatterns.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<AddPatterns.Request>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("AddPatterns").WithSummary("Add STIX patterns");
        group.MapPost("/{id}/incident-indicators", AddIncidentIndicators.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<AddIncidentIndicators.Request>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("AddIncidentIndicators").WithSummary("Add the indicators an incident report carries");
        group.MapPost("/{id}/bundles", ImportBundle.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<object>("application/json")
            .WithName("ImportStixBundle").WithSummary("Import a STIX 2.1 bundle's indicators (with their TLP markings) and malware names");
        group.MapDelete("/{id}/indicators/{indicatorId}", RemoveIndicator.Handle).RequireAuthorization(Roles.Analyst)
            .WithName("RemoveIndicator").WithSummary("Take an indicator out of a collection");
        group.MapPost("/{id}/indicators/{indicatorId}/release", ReleaseIndicator.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<ReleaseIndicator.Request>("application/json")
            .WithName("ReleaseIndicator").WithSummary("Share an indicator under a lower label than its marking and source give it, on the record");
        return app;
    }
}
