using Microsoft.EntityFrameworkCore;
using Vigil.Data;

namespace Vigil.Server.Tests.Data;

/// <summary>Each provider's migrations describe the current model: nobody changed an entity without adding a migration.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteVigilDbContext --output-dir Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresVigilDbContext --output-dir Migrations/Postgres");
    }
}
