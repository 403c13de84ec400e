using Microsoft.Data.Sqlite;
using Vigil.Server.Tests.Cli;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15, "Start-up that cannot wedge": a kill at any moment of a first start leaves a database the next start
/// migrates or resumes by itself, and a start that cannot proceed says why and exits rather than hangs.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupLockTests : IDisposable
{
    /// <summary>Generous: on a shared 2-core machine a start of the Debug build can take 20 s; a wedged start never comes.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-startup-").FullName;

    // Issue 15: a SIGKILL while migrations ran left EF Core's lock row behind, and every later start hung silently.
    // The row is made here as EF Core's SQLite provider writes it (its lock table, row 1 with a timestamp).
    [Fact]
    public async Task A_leftover_migration_lock_row_is_cleared_and_the_start_comes_up()
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "vigil.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');
                """;
            command.ExecuteNonQuery();
        }
        await using var server = StartingServer.Start(_directory);
        Assert.True(await server.HealthyWithinAsync(StartLimit), "The start did not come up:\n" + server.Printed);
        Assert.Contains("stale migration lock", server.Printed, StringComparison.Ordinal);
    }

    // Issue 15: "an upgrade with pending migrations is exposed the same way". The database is one migration behind
    // (with one migration, a database with only the history table) and holds the lock row an upgrade killed while
    // migrating leaves; the next start clears it and finishes the upgrade.
    [Fact]
    public async Task An_upgrade_killed_while_migrating_is_finished_by_the_next_start()
    {
        var file = Path.Combine(_directory, "vigil.db");
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Vigil.Data.SqliteVigilDbContext>();
        Vigil.Data.VigilDatabase.ConfigureSqlite(options, $"Data Source={file};Pooling=False");
        int migrations;
        await using (var db = new Vigil.Data.SqliteVigilDbContext(options.Options))
        {
            var all = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).ToList();
            migrations = all.Count;
            await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db)
                .MigrateAsync(all.Count > 1 ? all[^2] : Microsoft.EntityFrameworkCore.Migrations.Migration.InitialDatabase);
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');
                """);
        }
        await using (var server = StartingServer.Start(_directory))
        {
            Assert.True(await server.HealthyWithinAsync(StartLimit), "The upgrade did not come up:\n" + server.Printed);
            Assert.Contains("stale migration lock", server.Printed, StringComparison.Ordinal);
        }
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var applied = connection.CreateCommand();
        applied.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        Assert.Equal(migrations, Convert.ToInt32(applied.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    // Issue 15: kills at random moments of a first start (random delays 0-1.5 s, the migrations included); the next
    // start comes up healthy every time and the log it keeps audits clean.
    [Fact]
    public Task Killing_a_first_start_at_random_moments_never_wedges_the_next() => KillFirstStartsThenStartAsync([]);

    private async Task KillFirstStartsThenStartAsync(string[] storage)
    {
        var random = new Random();
        var delays = new List<int>();
        for (var kill = 0; kill < 4; kill++)
        {
            await using (var doomed = StartingServer.Start(_directory, storage))
            {
                delays.Add(random.Next(0, 1500));
                await Task.Delay(delays[^1]);
                await doomed.KillAsync();
            }
        }
        await using (var server = StartingServer.Start(_directory, storage))
        {
            Assert.True(await server.HealthyWithinAsync(StartLimit), $"The start after kills at {string.Join(", ", delays)} ms did not come up:\n" + server.Printed);
        }
        var audit = await CliRun.InProcessAsync(["ledger", "audit", $"--Storage:DataDirectory={_directory}", .. storage]);
        Assert.True(audit.ExitCode == 0, audit.ToString());
    }

    // Issue 15: a second process that finds another one migrating (the lock held by a live process: here this one)
    // waits a bounded time, then says why and exits non-zero instead of hanging.
    [Fact]
    public async Task A_start_that_finds_a_live_migration_waits_a_bounded_time_then_says_why_and_exits()
    {
        using var held = new FileStream(Path.Combine(_directory, "vigil.db.migrating"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var server = StartingServer.Start(_directory, "--Storage:MigrationLockTimeoutSeconds=2");
        var exitCode = await server.ExitCodeWithinAsync(TimeSpan.FromSeconds(25));
        Assert.True(exitCode is { } code && code != 0, $"exit {exitCode}:\n" + server.Printed);
        Assert.Contains("another process", server.Printed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("migrating", server.Printed, StringComparison.Ordinal);
        AssertQuietExit(server.Printed);
    }

    // Issue 15: a start that gave up printed about 200 lines after its one critical line (the host's "Hosting failed
    // to start" with the exception's stack, then a background service faulting while the host was disposed). The
    // critical line says why; nothing else of the failure is printed, and no stack trace.
    private static void AssertQuietExit(string printed)
    {
        var lines = printed.Split('\n');
        Assert.True(lines.Count(line => line.StartsWith("crit:", StringComparison.Ordinal)) == 1, printed);
        Assert.False(lines.Any(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.TrimStart().StartsWith("at ", StringComparison.Ordinal)),
            "The exit printed a failure or a stack trace:\n" + printed);
        Assert.True(lines.Length < 15, $"{lines.Length} lines printed:\n" + printed);
    }

    // Issue 15, on PostgreSQL: EF Core's own lock there (LOCK TABLE on the history table, in the migration's
    // transaction) dies with the connection but is waited for without end; a start that finds another session
    // migrating (holding Vigil's advisory lock, here this test's session) gives up after the bounded wait and says why.
    [Fact]
    public async Task On_postgres_a_start_that_finds_a_live_migration_says_why_and_exits()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync();
        await using (var holder = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await holder.OpenAsync();
            await new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({Vigil.Server.Infrastructure.Storage.MigrationLock.PostgresKey})", holder).ExecuteScalarAsync();
            await using var server = StartingServer.Start(_directory, [.. database.ServerArguments, "--Storage:MigrationLockTimeoutSeconds=2"]);
            var exitCode = await server.ExitCodeWithinAsync(TimeSpan.FromSeconds(25));
            Assert.True(exitCode is { } code && code != 0, $"exit {exitCode}:\n" + server.Printed);
            Assert.Contains("another process", server.Printed, StringComparison.OrdinalIgnoreCase);
            AssertQuietExit(server.Printed);
        }
        // The holder's session ended: its lock with it, and the next start migrates and serves.
        await using var next = StartingServer.Start(_directory, database.ServerArguments);
        Assert.True(await next.HealthyWithinAsync(StartLimit), "The start did not come up:\n" + next.Printed);
    }

    // Issue 15, on PostgreSQL: kills at random moments of a first start (EF Core's migrations in their transactions,
    // Vigil's advisory lock held by a session of the killed process) never wedge the next start, and its log audits clean.
    [Fact]
    public async Task On_postgres_killing_a_first_start_at_random_moments_never_wedges_the_next()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync();
        await KillFirstStartsThenStartAsync(database.ServerArguments);
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        if (Directory.Exists(_directory + "-keys"))
        {
            Directory.Delete(_directory + "-keys", recursive: true);
        }
    }
}
