using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a fresh database in a real PostgreSQL server, named by VIGIL_TEST_POSTGRES
/// (./test.sh starts a throwaway server and sets it).
/// </summary>
public class PostgresVigilFactory : VigilFactory
{
    private readonly string _adminConnectionString;
    private readonly string _database = "vigil_test_" + Guid.NewGuid().ToString("N");

    public PostgresVigilFactory()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("The PostgreSQL tests need VIGIL_TEST_POSTGRES (a connection string); ./test.sh starts a server and sets it.");
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
        command.ExecuteNonQuery();
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database, MaxPoolSize = 50 }.ConnectionString;

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "postgres");
        builder.UseSetting("Storage:ConnectionString", ConnectionString);
    }

    public override DbConnection OpenDatabase()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
