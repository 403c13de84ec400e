using Microsoft.Extensions.Options;
using Vigil.Csaf.Writing;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Csaf;

/// <summary>Vigil as a CSAF 2.0 trusted provider: documents, directories, hashes, signatures, feeds, metadata.</summary>
public static class CsafFeature
{
    public static IServiceCollection AddCsaf(this IServiceCollection services)
    {
        services.AddOptions<CsafOptions>().BindConfiguration(CsafOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new CsafLocations(provider.GetRequiredService<IOptions<CsafOptions>>().Value.BaseUrl));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CsafOptions>>().Value.Publisher);
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
