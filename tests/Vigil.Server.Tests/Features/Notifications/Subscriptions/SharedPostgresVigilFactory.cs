using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Subscriptions;

/// <summary>
/// A server on a PostgreSQL database and a clock the test chooses, so that two of them share one database (and one
/// data directory for the log's key), as <see cref="SharedDataVigilFactory"/> does for a SQLite file.
/// </summary>
public sealed class SharedPostgresVigilFactory : VigilFactory
{
    private readonly string _connectionString;

    public SharedPostgresVigilFactory(string dataDirectory, FakeTimeProvider clock, string connectionString)
        : base(dataDirectory, clock)
    {
        _connectionString = connectionString;
        DeleteDataOnDispose = false;
    }

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "postgres");
        builder.UseSetting("Storage:ConnectionString", _connectionString);
        builder.UseSetting("Ledger:CheckpointInterval", "01:00:00");
    }

    /// <summary>Runs <paramref name="body"/> with the connection string of a fresh database, dropped afterwards.</summary>
    public static async Task OnFreshDatabaseAsync(Func<string, Task> body)
    {
        var admin = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("The PostgreSQL tests need VIGIL_TEST_POSTGRES; ./test.sh starts a server and sets it.");
        var database = "vigil_two_hosts_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }
        try
        {
            await body(new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 50 }.ConnectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
    }
}
