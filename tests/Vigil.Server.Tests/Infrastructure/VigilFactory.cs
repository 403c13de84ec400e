using System.Net.Http.Headers;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a real SQLite file in a fresh directory, with a clock the test controls.
/// <see cref="PostgresVigilFactory"/> runs the same server on a fresh PostgreSQL database.
/// </summary>
public class VigilFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    public VigilFactory()
        : this(Directory.CreateTempSubdirectory("vigil-test-").FullName, NewClock(Start))
    {
    }

    /// <summary>A server on a given data directory and clock: a second host on the same database file, or another era.</summary>
    protected VigilFactory(string dataDirectory, FakeTimeProvider clock)
    {
        DataDirectory = dataDirectory;
        Clock = clock;
    }

    /// <summary>Every reading of the clock moves it on a little, so that submissions have distinct, ordered times.</summary>
    public static FakeTimeProvider NewClock(DateTimeOffset start) => new(start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>False leaves the data directory in place when the factory is disposed (another host still uses it).</summary>
    public bool DeleteDataOnDispose { get; protected init; } = true;

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "vigil.db");

    public FakeTimeProvider Clock { get; }

    /// <summary>Rate limits no ordinary test reaches (all in-process requests share one address); RateLimitTests set low ones.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> GenerousRateLimits =
        [.. new[] { "SignIn", "TokenUse", "Submissions", "Anonymous", "Heavy", "Costly" }.Select(limit => KeyValuePair.Create($"RateLimits:{limit}:PermitLimit", "1000000000"))];

    /// <summary>The same, as command-line arguments for a server started with <c>Program.BuildApp</c>.</summary>
    public static string[] GenerousRateLimitArguments => [.. GenerousRateLimits.Select(s => $"--{s.Key}={s.Value}")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As it runs for real: never the development error page, which would echo a request's headers (its token) back.
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("FirstStart:CreateAdmin", "false");
        builder.UseSetting("Regimes:Directory", RepositoryPaths.File("regimes"));
        foreach (var (key, value) in GenerousRateLimits)
        {
            builder.UseSetting(key, value);
        }
        ConfigureStorage(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Every server's log goes to the run's log, which is searched for every secret the tests used.
            services.AddSingleton<IStartupFilter, SecretHarvest>();
        });
        builder.ConfigureLogging(logging => logging.AddProvider(new RunLogProvider())
            .AddFilter<RunLogProvider>(null, LogLevel.Information)
            .AddFilter<RunLogProvider>("Vigil", LogLevel.Debug)
            .AddFilter<RunLogProvider>("Microsoft.EntityFrameworkCore", LogLevel.Warning));
    }

    /// <summary>Creates a user (and, for a reporter, an organisation if none is given) and a client carrying its token.</summary>
    public async Task<Actor> CreateActorAsync(string role, string? organisationId = null)
    {
        var created = await Seed.UserAsync(Services, role, organisationId);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        return new Actor(created.UserId, created.OrganisationId, created.Token, client);
    }

    protected virtual void ConfigureStorage(IWebHostBuilder builder)
    {
    }

    /// <summary>A separate connection to the database, for reading (or tampering with) what the server stored.</summary>
    public virtual DbConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            DeleteData();
        }
        finally
        {
            if (RunLog.FindLoggedSecrets() is { Count: > 0 } logged)
            {
                throw new InvalidOperationException("The server log holds secrets the tests used:\n" + string.Join("\n", logged));
            }
        }
    }

    /// <summary>
    /// Copies the database (its write-ahead log folded in first) and the other files of the data directory to
    /// <paramref name="toDataDirectory"/>, as a backup of a running server would, and the log's keys with them unless
    /// <paramref name="withKeys"/> is false. The lock
    /// files a running server holds (each job's lease, the migration lock) are left out: they are locked, and mean
    /// nothing to a copy.
    /// </summary>
    public void CopyDataTo(string toDataDirectory, bool withKeys = true)
    {
        using (var db = OpenDatabase())
        {
            db.Command("PRAGMA wal_checkpoint(TRUNCATE);").ExecuteNonQuery();
        }
        Directory.CreateDirectory(toDataDirectory);
        foreach (var file in Directory.GetFiles(DataDirectory))
        {
            var name = Path.GetFileName(file);
            if (name.Contains(".job-", StringComparison.Ordinal) || name.EndsWith(".migrating", StringComparison.Ordinal))
            {
                continue;
            }
            File.Copy(file, Path.Combine(toDataDirectory, name));
        }
        if (withKeys)
        {
            CopyLedgerKeysTo(toDataDirectory);
        }
    }

    /// <summary>
    /// Copies the log's key directory (kept beside the data directory) to go with a copy of the data in
    /// <paramref name="toDataDirectory"/>: an audit of the copy checks the checkpoints with its keys.
    /// </summary>
    public void CopyLedgerKeysTo(string toDataDirectory)
    {
        var keys = DataDirectory + "-keys";
        Directory.CreateDirectory(toDataDirectory + "-keys");
        foreach (var file in Directory.GetFiles(keys))
        {
            File.Copy(file, Path.Combine(toDataDirectory + "-keys", Path.GetFileName(file)));
        }
    }

    private void DeleteData()
    {
        SqliteConnection.ClearAllPools();
        if (!DeleteDataOnDispose)
        {
            return;
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
            // The log's key, kept beside the data directory.
            if (Directory.Exists(DataDirectory + "-keys"))
            {
                Directory.Delete(DataDirectory + "-keys", recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by a finishing test host; the temporary directory is cleaned by the OS later.
        }
    }
}

public sealed record Actor(string UserId, string? OrganisationId, string Token, HttpClient Client);
