using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Tests.Infrastructure.Storage;

/// <summary>
/// Issue 15, "Disk full": which failures are a full storage (answered 503 and counted in the episode) and which are
/// not, as each provider and the file system report them, and how an episode is logged: once when it starts, once when
/// writes are stored again.
/// </summary>
public sealed class StorageFullTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "SQLite SQLITE_FULL", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13, 13), true },
        { "SQLite SQLITE_IOERR_WRITE", new SqliteException("SQLite Error 10: 'disk I/O error'.", 10, 778), true },
        { "SQLite SQLITE_IOERR_SHMSIZE", new SqliteException("SQLite Error 10: 'disk I/O error'.", 10, 4874), true },
        { "SQLite SQLITE_IOERR_READ", new SqliteException("SQLite Error 10: 'disk I/O error'.", 10, 266), false },
        { "SQLite UNIQUE constraint", new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19, 2067), false },
        { "PostgreSQL 53100 disk_full", new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100"), true },
        { "PostgreSQL 53100 inside EF Core's DbUpdateException", new DbUpdateException("An error occurred while saving the entity changes.",
            new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100")), true },
        { "PostgreSQL FATAL on connecting: no room for the relation cache file",
            new PostgresException("could not write init file", "FATAL", "FATAL", "XX000"), true },
        { "PostgreSQL another internal error", new PostgresException("cache lookup failed for relation 1", "ERROR", "ERROR", "XX000"), false },
        { "PostgreSQL 53200 out_of_memory", new PostgresException("out of memory", "ERROR", "ERROR", "53200"), false },
        { "PostgreSQL 23505 unique_violation", new DbUpdateException("conflict", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")), false },
        { "a commit shared by several requests", new AggregateException(new InvalidOperationException("first"), new SqliteException("full", 13, 13)), true },
        { "a file not found", new FileNotFoundException("gone"), false },
        { "a plain failure", new InvalidOperationException("no"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_a_full_storage_as_its_provider_says(string failure, Exception exception, bool full) =>
        Assert.True(StorageFull.Is(exception) == full, failure);

    // The file system's own answer: /dev/full refuses every write with ENOSPC, as a full disk does.
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_write_refused_for_want_of_space_is_a_full_storage()
    {
        var refused = Assert.ThrowsAny<IOException>(() =>
        {
            using var full = new FileStream("/dev/full", new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, BufferSize = 0 });
            full.Write(new byte[4096]);
        });
        Assert.Equal("no space left on the device (or the quota is used up)", StorageFull.Reason(refused));
    }

    [Fact]
    public void An_episode_is_logged_when_it_starts_and_when_writes_are_stored_again_with_the_count_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var log = new Lines();
        var episode = new StorageFullEpisode(clock, log);
        episode.Stored();
        Assert.Null(episode.Current);

        // A background job's write refused starts it; only requests are counted.
        episode.Noticed("SQLite: database or disk is full");
        for (var i = 0; i < 1000; i++)
        {
            episode.Refused("SQLite: database or disk is full");
            clock.Advance(TimeSpan.FromMilliseconds(2));
        }
        Assert.Equal(new StorageFullEpisode.State(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            "SQLite: database or disk is full", 1000), episode.Current);
        // A small write that still found room among refused ones does not end it: the log would flap.
        episode.Stored();
        Assert.NotNull(episode.Current);
        clock.Advance(StorageFullEpisode.Quiet);
        episode.Stored();
        episode.Stored();
        Assert.Null(episode.Current);

        Assert.Collection(log.Written,
            started => Assert.Equal((LogLevel.Warning, 1010), (started.Level, started.Id)),
            ended =>
            {
                Assert.Equal((LogLevel.Information, 1011), (ended.Level, ended.Id));
                Assert.Contains("1000 requests were refused", ended.Text, StringComparison.Ordinal);
            });
        episode.Refused("PostgreSQL: disk full (SQLSTATE 53100)");
        Assert.Equal(3, log.Written.Count);
    }

    private sealed class Lines : ILogger<StorageFullEpisode>
    {
        public List<(LogLevel Level, int Id, string Text)> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
