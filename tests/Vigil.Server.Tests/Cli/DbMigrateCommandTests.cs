using Microsoft.Data.Sqlite;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli;

/// <summary>Issue 17, `vigil db migrate`: creates the database on the first run, says it is up to date on the second.</summary>
public sealed class DbMigrateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-db-migrate-").FullName;

    [Fact]
    public async Task Migrate_creates_the_database_then_finds_it_up_to_date()
    {
        var first = await CliRun.ProcessAsync(null, "db", "migrate", $"--Storage:DataDirectory={_directory}");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Contains("Applied to the sqlite database: ", first.Out, StringComparison.Ordinal);
        Assert.Contains("_Initial", first.Out, StringComparison.Ordinal);

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "vigil.db")};Pooling=False"))
        {
            connection.Open();
            using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('incidents', 'submissions', 'ledger_leaves')";
            Assert.Equal(3L, (long)tables.ExecuteScalar()!);
        }

        var second = await CliRun.ProcessAsync(null, "db", "migrate", $"--Storage:DataDirectory={_directory}");
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("The sqlite database is up to date (1 migration).", second.Out, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
