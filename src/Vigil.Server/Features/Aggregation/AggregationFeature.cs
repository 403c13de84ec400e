using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// Other CSAF providers followed: their documents fetched on a schedule (or on request), checked (hashes, OpenPGP
/// signature, CSAF validation) and imported as advisories; the providers listed in Vigil's aggregator.json, and the
/// public mirror of each that allows it (its TLP:CLEAR documents with their hashes and the provider's signatures).
/// </summary>
public static class AggregationFeature
{
    public static IServiceCollection AddAggregation(this IServiceCollection services)
    {
        services.AddOptions<AggregationOptions>().BindConfiguration(AggregationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(ProviderFetcher.ClientName, (provider, http) =>
        {
            http.Timeout = provider.GetRequiredService<IOptions<AggregationOptions>>().Value.RequestTimeout;
            http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Vigil-CSAF-aggregator", "1.0"));
        }).ConfigurePrimaryHttpMessageHandler(provider =>
            ProviderConnections.CreateHandler(provider.GetRequiredService<IOptions<AggregationOptions>>().Value.AllowPrivateNetworks));
        services.AddSingleton<ProviderFetcher>();
        services.AddSingleton<ProviderLocator>();
        services.AddSingleton<ProviderWalk>();
        services.AddScoped<DocumentIntake>();
        services.AddScoped<ProviderSync>();
        services.AddScoped<ProviderFollowing>();
        services.AddScoped<Pages.ProviderSchedule>();
        services.AddScoped<PublisherNamespaceClaims>();
        services.AddScoped<MirrorDocuments>();
        services.AddHostedService<ProviderScheduler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAggregation(this IEndpointRouteBuilder app)
    {
        ProviderEndpoints.Map(app);
        PublisherNamespaceEndpoints.Map(app);
        AggregatorMetadata.Map(app);
        MirrorEndpoints.Map(app);
        return app;
    }
}
