using Npgsql;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// A fresh database on the PostgreSQL server VIGIL_TEST_POSTGRES names, for server processes started on it; dropped
/// (its sessions ended) when disposed.
/// </summary>
internal sealed class ThrowawayPostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name = "vigil_test_" + Guid.NewGuid().ToString("N");

    private ThrowawayPostgresDatabase(string admin)
    {
        _admin = admin;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _name, Pooling = false }.ConnectionString;
    }

    /// <summary>Without pooling: a test's own sessions (a lock it holds) end when it closes them.</summary>
    public string ConnectionString { get; }

    /// <summary>The settings that start a server process on this database.</summary>
    public string[] ServerArguments => ["--Storage:Provider=postgres", $"--Storage:ConnectionString={ConnectionString}"];

    public static async Task<ThrowawayPostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("The PostgreSQL tests need VIGIL_TEST_POSTGRES.");
        var database = new ThrowawayPostgresDatabase(admin);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {database._name}", connection).ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
    }
}
