using Npgsql;

namespace Vigil.Server.Infrastructure.Scheduling;

/// <summary>
/// Job leases on PostgreSQL: a session advisory lock per job, <c>pg_try_advisory_lock(<see cref="ClassKey"/>, job key)</c>,
/// all held on one session of this process's own, outside any pool, named after this process (its application name)
/// so that any process can say who holds what. The locks live as long as the session: when the process dies or the
/// session is lost (PostgreSQL restarted, the connection killed) they go, and another process takes the jobs. A
/// session lost under a live process is noticed by <see cref="CheckEvery"/> and before each run; the runs under it are
/// cancelled, and the next run opens a new session and takes its lease again if no other process took it meanwhile.
/// </summary>
public sealed partial class PostgresJobLeases : JobLeases
{
    /// <summary>The first half of every job lease's key: "vjob" read as a number, apart from <see cref="Storage.MigrationLock.PostgresKey"/>.</summary>
    public const int ClassKey = 0x766A_6F62;

    /// <summary>How often the session holding leases is checked between runs.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private const string ApplicationPrefix = "vigil jobs ";

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _session;
    private CancellationTokenSource _lost = new();
    private Task? _watch;
    private bool _unreachable;

    public PostgresJobLeases(string connectionString, TimeProvider clock, ILogger<PostgresJobLeases> logger)
    {
        // Its own session, never returned to a pool (where it would outlive its use, locks and all); named for HoldersAsync.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = Truncate(ApplicationPrefix + JobRunRecorder.Instance, 63),
            CommandTimeout = 10,
            KeepAlive = 10,
        }.ConnectionString;
        _clock = clock;
        _logger = logger;
    }

    public override async Task<JobLease?> HoldAsync(string job, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_session is not null && !await AliveAsync(cancellationToken))
            {
                Drop();
            }
            if (_held.Contains(job))
            {
                return new JobLease(_lost.Token, Taken: false);
            }
            if (_session is null)
            {
                var session = new NpgsqlConnection(_connectionString);
                try
                {
                    await session.OpenAsync(cancellationToken);
                }
                catch
                {
                    await session.DisposeAsync();
                    throw;
                }
                _session = session;
                _watch ??= WatchAsync();
            }
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, @job)", _session);
            command.Parameters.AddWithValue("class", ClassKey);
            command.Parameters.AddWithValue("job", Key(job));
            var taken = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            _unreachable = false;
            if (!taken)
            {
                return null;
            }
            _held.Add(job);
            return new JobLease(_lost.Token, Taken: true);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            Drop();
            if (!_unreachable)
            {
                _unreachable = true;
                LogUnreachable(_logger, e);
            }
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task<IReadOnlyDictionary<string, string>> HoldersAsync(CancellationToken cancellationToken)
    {
        var jobs = JobRunRecorder.Jobs.ToDictionary(Key);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        // Any role sees other sessions' application names; advisory locks are per database, hence the database's own.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = true }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT l.objid::bigint, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid::bigint = @class
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        command.Parameters.AddWithValue("class", (long)ClassKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (jobs.TryGetValue((int)reader.GetInt64(0), out var job) && !reader.IsDBNull(1))
            {
                var name = reader.GetString(1);
                holders[job] = name.StartsWith(ApplicationPrefix, StringComparison.Ordinal) ? name[ApplicationPrefix.Length..] : name;
            }
        }
        return holders;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        await _stopping.CancelAsync();
        if (_watch is not null)
        {
            await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await _gate.WaitAsync();
        try
        {
            await UnlockAllAsync();
            Drop();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Lets go of every lease before the session closes: PostgreSQL frees a closed session's locks only once its backend
    /// has seen the client go, so without this another process could find the lease still held just after a stop.
    /// </summary>
    private async Task UnlockAllAsync()
    {
        if (_session is not { State: System.Data.ConnectionState.Open } || _held.Count == 0)
        {
            return;
        }
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", _session) { CommandTimeout = 5 };
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The session is gone already, and its locks with it (or once its backend sees it gone).
        }
    }

    /// <summary>Checks the session holding leases at each <see cref="CheckEvery"/>, so that a run never goes on long under a lease that is gone.</summary>
    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(CheckEvery, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                await _gate.WaitAsync(_stopping.Token);
                try
                {
                    if (_session is not null && _held.Count > 0 && !await AliveAsync(_stopping.Token))
                    {
                        Drop();
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Whether the session still answers: its advisory locks live exactly as long as it does.</summary>
    private async Task<bool> AliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _session);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the failure, a session that does not answer cannot be counted on to hold anything.
            if (_held.Count > 0)
            {
                LogLost(_logger, string.Join(", ", _held.Order(StringComparer.Ordinal)), e);
            }
            return false;
        }
    }

    /// <summary>Lets go of the session and every lease on it, and cancels the runs under them (called under the gate).</summary>
    private void Drop()
    {
        if (_held.Count > 0)
        {
            // Not disposed: runs may still be looking at its token.
            _lost.Cancel();
            _lost = new CancellationTokenSource();
        }
        _held.Clear();
        _session?.Dispose();
        _session = null;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(EventId = 9111, Level = LogLevel.Warning,
        Message = "The database session holding the leases of jobs {Jobs} was lost; their runs stop, and each is taken again at its next run unless another process took it")]
    private static partial void LogLost(ILogger logger, string jobs, Exception exception);

    [LoggerMessage(EventId = 9112, Level = LogLevel.Warning, Message = "Job leases cannot be taken: the database does not answer; jobs wait and try again at each run")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
