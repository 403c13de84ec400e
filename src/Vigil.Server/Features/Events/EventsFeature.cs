namespace Vigil.Server.Features.Events;

/// <summary>Events on the record: administrative changes, reads of confidential incidents, downloads, remarks.</summary>
public static class EventsFeature
{
    public static IServiceCollection AddEvents(this IServiceCollection services) => services.AddScoped<EventRecorder>();

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        EventEndpoints.Map(app);
        return app;
    }
}
