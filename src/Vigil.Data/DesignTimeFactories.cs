using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vigil.Data;

/// <summary>Lets the EF tools build each provider's model to write its migrations; never used at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVigilDbContext>
{
    public SqliteVigilDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteVigilDbContext>();
        VigilDatabase.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteVigilDbContext(builder.Options);
    }
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVigilDbContext>
{
    public PostgresVigilDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresVigilDbContext>();
        VigilDatabase.ConfigurePostgres(builder, "Host=localhost;Database=vigil");
        return new PostgresVigilDbContext(builder.Options);
    }
}
