namespace Vigil.Server.Features.Home;

public static class HomeFeature
{
    /// <summary>What a new operator needs to see at start: where the pages are, and which settings still hold placeholders.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddHostedService<StartAddresses>();
        services.AddHostedService<PlaceholderSettings>();
        return services;
    }
}
