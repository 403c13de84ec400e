using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.Aggregation;
using Vigil.Server.Features.Notifications.Dispatch;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>The webhook channel, its HTTP client (public addresses only, no redirects) and the endpoints' administration.</summary>
public static class WebhooksFeature
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookChannel.ClientName, (provider, http) =>
        {
            http.Timeout = provider.GetRequiredService<IOptions<DispatchOptions>>().Value.WebhookTimeout;
            http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Vigil-webhooks", "1.0"));
        }).ConfigurePrimaryHttpMessageHandler(provider =>
        {
            var handler = ProviderConnections.CreateHandler(provider.GetRequiredService<IOptions<DispatchOptions>>().Value.AllowPrivateNetworks);
            // A receiver's redirect is not followed: the signed request goes where its endpoint says, or nowhere.
            handler.AllowAutoRedirect = false;
            return handler;
        });
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddScoped<WebhookAdministration>();
        return services;
    }
}
