using Microsoft.EntityFrameworkCore;

namespace Vigil.Data;

/// <summary>How each provider is configured, shared by the server, the CLI and the EF tools.</summary>
public static class VigilDatabase
{
    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(VigilDatabase).Assembly.FullName))
            .UseSnakeCaseNamingConvention();

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(VigilDatabase).Assembly.FullName))
            .UseSnakeCaseNamingConvention();
}
