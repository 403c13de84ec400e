using Npgsql;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web.Walk;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>Issue 15, "Disk full", on PostgreSQL: what <see cref="DiskFullTests"/> checks, with the database on a full disk.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiskFullOnPostgresTests
{
    // PostgreSQL's disk_full (53100): the database in a tablespace on a 32 MiB tmpfs its server writes. The server of
    // VIGIL_TEST_POSTGRES must run on this machine (a Unix socket), and mounting a tmpfs it sees needs root.
    [Fact]
    public async Task On_postgres_a_full_tablespace_refuses_writes_with_503_and_stores_again_when_space_returns()
    {
        var admin = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("The PostgreSQL tests need VIGIL_TEST_POSTGRES.");
        var name = "vigil_full_" + Guid.NewGuid().ToString("N");
        var directory = Directory.CreateTempSubdirectory("vigil-pgfull-").FullName;
        await using var postgres = new NpgsqlConnection(admin);
        await postgres.OpenAsync();
        var dataDirectory = (string)(await new NpgsqlCommand("SHOW data_directory", postgres).ExecuteScalarAsync())!;
        var (_, owner) = await SmallFilesystem.RunAsync("stat", "-c", "%u:%g", dataDirectory);
        SmallFilesystem? disk = null;
        try
        {
            disk = await SmallFilesystem.MountForAllAsync(directory, "32m", owner);
            await new NpgsqlCommand($"CREATE TABLESPACE {name} LOCATION '{directory}'", postgres).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name} TABLESPACE {name}", postgres).ExecuteNonQueryAsync();
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            string[] onPostgres = ["--Storage:Provider=postgres", $"--Storage:ConnectionString={connectionString}"];
            await using var server = await ServerProcess.StartAsync([.. FirstStartTests.RealSettings, .. onPostgres]);
            await DiskFullTests.RefusedWhileFullThenStoredAsync(server, disk, attachmentsOnTheDisk: false);
            var audit = await CliRun.InProcessAsync(["ledger", "audit", $"--Storage:DataDirectory={server.DataDirectory}", .. onPostgres]);
            Assert.True(audit.ExitCode == 0, audit.ToString());
        }
        finally
        {
            // The database's files are on the tmpfs: it goes first, then the tablespace, then the mount.
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", postgres).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"DROP TABLESPACE IF EXISTS {name}", postgres).ExecuteNonQueryAsync();
            disk?.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
