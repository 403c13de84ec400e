using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Csaf;

/// <summary>Vigil as a CSAF 2.0 trusted provider: documents, directories, hashes, signatures, feeds, metadata.</summary>
public static class CsafFeature
{
    public static IServiceCollection AddCsaf(this IServiceCollection services)
    {
        services.AddOptions<CsafOptions>().BindConfiguration(CsafOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CsafLocations>();
        services.AddSingleton<CsafDocumentBuilder>();
        services.AddSingleton<CsafOpenPgpKey>();
        services.AddHostedService<BuiltAtStart<CsafOpenPgpKey>>();
        services.AddScoped<CsafDocuments>();
        return services;
    }

    public static IEndpointRouteBuilder MapCsaf(this IEndpointRouteBuilder app)
    {
        CsafProviderEndpoints.Map(app);
        CsafDirectoryEndpoints.Map(app);
        return app;
    }
}
