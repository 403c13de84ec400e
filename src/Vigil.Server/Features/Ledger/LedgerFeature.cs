using Microsoft.Extensions.Options;
using Vigil.Server.Features.Ledger.Witnesses;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>The transparency log: every submission a leaf, signed checkpoints, public proofs and tiles, receipts.</summary>
public static class LedgerFeature
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LedgerKeys>();
        services.AddHostedService<BuiltAtStart<LedgerKeys>>();
        services.AddScoped<LedgerWriter>().AddScoped<RecordStep>();
        services.AddScoped(services => LedgerAuditKeys.FromSettings(
            services.GetRequiredService<IOptions<LedgerOptions>>(), services.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddScoped<LedgerAudit>();
        services.AddSingleton<CosignedReceipts>();
        services.AddHostedService<CheckpointSigner>();
        services.AddSingleton<IValidateOptions<LedgerOptions>, WitnessOptionsValidator>();
        services.AddHttpClient(WitnessClient.HttpClientName, http => http.Timeout = WitnessClient.Timeout);
        services.AddHostedService<WitnessCosigner>();
        return services;
    }

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        LedgerEndpoints.Map(app);
        ReceiptEndpoints.Map(app);
        WitnessKeysEndpoint.Map(app);
        return app;
    }
}
