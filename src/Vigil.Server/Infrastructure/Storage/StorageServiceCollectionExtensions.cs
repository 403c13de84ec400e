using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database (SQLite by default, or PostgreSQL), created and migrated on start.</summary>
    public static IServiceCollection AddVigilStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StorageFullEpisode>();
        services.AddSingleton<StorageSpaceWatch>();
        services.AddSingleton<StorageFullQuietLogging>();
        services.AddDbContext<SqliteVigilDbContext>((provider, builder) =>
            WatchForFullStorage(provider, builder, b => VigilDatabase.ConfigureSqlite(b, Options(provider).ResolveConnectionString())));
        services.AddDbContext<PostgresVigilDbContext>((provider, builder) =>
            WatchForFullStorage(provider, builder, b => VigilDatabase.ConfigurePostgres(b, Options(provider).ResolveConnectionString())));
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

    /// <summary>Every commit tells the storage-full episode that writes are stored; a refused write is logged by the episode alone.</summary>
    private static void WatchForFullStorage(IServiceProvider provider, DbContextOptionsBuilder builder, Action<DbContextOptionsBuilder> configure)
    {
        configure(builder);
        builder.AddInterceptors(provider.GetRequiredService<StorageSpaceWatch>());
        builder.UseLoggerFactory(provider.GetRequiredService<StorageFullQuietLogging>());
        // "An error occurred using a transaction." and "An error occurred using the connection to database …" carry
        // no error (the quiet logger cannot tell a full storage from another fault by them); the exception they precede
        // reaches whoever handles it (the error handler or the job runner logs it, a full storage is logged by its
        // episode). A new PostgreSQL connection fails so while the database's disk is full.
        builder.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.TransactionError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.ConnectionError, LogLevel.Debug)));
    }

    private static StorageOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;
}
