using Microsoft.Extensions.Options;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database (SQLite by default, or PostgreSQL), created and migrated on start.</summary>
    public static IServiceCollection AddVigilStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContext<SqliteVigilDbContext>((provider, builder) =>
            VigilDatabase.ConfigureSqlite(builder, Options(provider).ResolveConnectionString()));
        services.AddDbContext<PostgresVigilDbContext>((provider, builder) =>
            VigilDatabase.ConfigurePostgres(builder, Options(provider).ResolveConnectionString()));
        // Handlers ask for the one model; the configured provider decides which context serves it.
        services.AddScoped<VigilDbContext>(provider => Options(provider).Provider == "postgres"
            ? provider.GetRequiredService<PostgresVigilDbContext>()
            : provider.GetRequiredService<SqliteVigilDbContext>());
        services.AddSingleton<WriteTransactions>();
        services.AddSingleton<Scheduling.JobRunRecorder>();
        services.AddSingleton(provider => Scheduling.JobLeases.For(Options(provider), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));
        // One instance: the entry point starts it before the host (see DatabaseStartup.BeforeHostAsync), the host again.
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseStartup>());
        return services;
    }

    private static StorageOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;
}
