using Npgsql;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// Storage that several servers in one test share: a fresh SQLite data directory, or a fresh PostgreSQL database (on
/// the server ./test.sh starts) with one ledger key. The body gets the server arguments; everything is removed after.
/// </summary>
internal static class SharedStorage
{
    public static async Task OnSqliteFileAsync(Func<string[], Task> body)
    {
        var directory = Directory.CreateTempSubdirectory("vigil-shared-").FullName;
        try
        {
            await body([$"--Storage:DataDirectory={directory}"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            // The log's key, kept beside the data directory.
            if (Directory.Exists(directory + "-keys"))
            {
                Directory.Delete(directory + "-keys", recursive: true);
            }
        }
    }

    public static async Task OnPostgresAsync(Func<string[], Task> body)
    {
        var admin = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("The PostgreSQL tests need VIGIL_TEST_POSTGRES; ./test.sh starts a server and sets it.");
        var database = "vigil_shared_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }
        var keyDirectory = Directory.CreateTempSubdirectory("vigil-shared-key-").FullName;
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            await body(["--Storage:Provider=postgres", $"--Storage:ConnectionString={connectionString}", $"--Ledger:KeyFile={Path.Combine(keyDirectory, "ledger.key")}"]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            Directory.Delete(keyDirectory, recursive: true);
        }
    }
}
