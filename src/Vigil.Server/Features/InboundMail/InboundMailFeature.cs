namespace Vigil.Server.Features.InboundMail;

/// <summary>Reports that arrive by e-mail: the listener, the intake, and the analysts' queue (API and pages).</summary>
public static class InboundMailFeature
{
    public static IServiceCollection AddInboundMail(this IServiceCollection services)
    {
        services.AddOptions<InboundMailOptions>().BindConfiguration(InboundMailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboundMailKey>();
        services.AddScoped<MailIntake>();
        services.AddScoped<InboundDecisions>();
        services.AddHostedService<SmtpListener>();
        return services;
    }

    public static IEndpointRouteBuilder MapInboundMail(this IEndpointRouteBuilder app)
    {
        InboundMailEndpoints.Map(app);
        return app;
    }
}
