using Vigil.Server.Features.Notifications.Deliveries;
using Vigil.Server.Features.Notifications.Webhooks;

namespace Vigil.Server.Features.Notifications.Dispatch;

/// <summary>
/// Delivering the outbox: the dispatcher and its settings, the webhook channel and its endpoints, and the delivery
/// views (with "send again") for administrators and subscribers. The e-mail channel registers itself beside it.
/// </summary>
public static class DispatchFeature
{
    public static IServiceCollection AddNotificationDispatch(this IServiceCollection services)
    {
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DispatchWakeup>();
        services.AddSingleton<OutboxClaims>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddScoped<DeliveryViews>();
        services.AddWebhooks();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationDispatch(this IEndpointRouteBuilder app)
    {
        DeliveryEndpoints.Map(app);
        WebhookApi.Map(app);
        return app;
    }
}
