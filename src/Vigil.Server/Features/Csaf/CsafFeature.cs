namespace Vigil.Server.Features.Csaf;

/// <summary>Vigil as a CSAF 2.0 trusted provider: documents, directories, hashes, signatures, feeds, metadata.</summary>
public static class CsafFeature
{
    public static IServiceCollection AddCsaf(this IServiceCollection services)
    {
        services.AddOptions<CsafOptions>().BindConfiguration(CsafOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CsafLocations>();
        return services;
    }

    public static IEndpointRouteBuilder MapCsaf(this IEndpointRouteBuilder app) => app;
}
