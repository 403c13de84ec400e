namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// The logger factory EF Core is given. EF Core logs a failed command, save or commit as an error before the exception
/// reaches whoever handles it; for a full storage that is one line per request, thousands a minute, while the
/// <see cref="StorageFullEpisode"/> already says it once. Those lines are dropped; every other passes unchanged.
/// </summary>
public sealed class StorageFullQuietLogging(ILoggerFactory application) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Quiet(application.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => application.AddProvider(provider);

    // The application's factory belongs to the host, which disposes it.
    public void Dispose()
    {
    }

    private sealed class Quiet(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && StorageFull.Is(exception))
            {
                return;
            }
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
