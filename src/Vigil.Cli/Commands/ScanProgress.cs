namespace Vigil.Cli.Commands;

/// <summary>
/// A progress line on standard error, redrawn in place: files read of files found, and hits so far. Shown only
/// when standard error is a terminal, so that logs and pipes never receive carriage-return noise.
/// </summary>
internal sealed class ScanProgress : IDisposable
{
    private const int BarWidth = 30;
    private readonly TextWriter _error;
    private readonly int _total;
    private readonly Timer _timer;
    private int _read;
    private int _hits;
    private bool _disposed;

    private ScanProgress(TextWriter error, int total)
    {
        _error = error;
        _total = total;
        _timer = new Timer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
    }

    public static ScanProgress? StartIfTerminal(TextWriter error, IEnumerable<string> paths)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) { return null; }
        var files = paths.Sum(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Count() : 1);
        return new ScanProgress(error, files);
    }

    public void FileRead(string path) => Interlocked.Increment(ref _read);

    public void Hit() => Interlocked.Increment(ref _hits);

    private void Draw()
    {
        lock (_timer)
        {
            if (_disposed) { return; }
            // An iOS backup counts as one unit while its files were counted one by one, so the bar may end early.
            var done = Math.Min(_total, Volatile.Read(ref _read));
            var filled = _total == 0 ? BarWidth : done * BarWidth / _total;
            _error.Write($"\r[{new string('#', filled)}{new string(' ', BarWidth - filled)}] {done}/{_total} files, {Volatile.Read(ref _hits)} hits ");
            _error.Flush();
        }
    }

    public void Dispose()
    {
        lock (_timer)
        {
            if (_disposed) { return; }
            _disposed = true;
            _timer.Dispose();
            // Clear the line so that the summary starts on a clean one.
            _error.Write($"\r{new string(' ', BarWidth + 40)}\r");
            _error.Flush();
        }
    }
}
