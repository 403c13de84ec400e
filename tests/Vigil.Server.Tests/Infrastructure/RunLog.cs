using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// The server log of the whole test run, and every secret the run used (tokens, passwords, reset codes, second-factor
/// secrets and session cookies, harvested from the requests and answers themselves). Each test server writes its log
/// here; whenever one is disposed, what was logged since is searched for every secret known, and every secret learnt
/// since for the whole log, so that by the end of the run the whole log has been searched for every secret.
/// </summary>
public static partial class RunLog
{
    /// <summary>Shorter values (a six-digit one-time code) are too common to search for.</summary>
    private const int MinimumSecretLength = 10;

    private static readonly object Gate = new();
    private static readonly StringBuilder Log = new();
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> NewSecrets = new();
    private static int _checkedUpTo;

    public static int SecretCount => Secrets.Count;

    public static bool Knows(string secret) => Secrets.ContainsKey(secret);

    public static int Length
    {
        get { lock (Gate) { return Log.Length; } }
    }

    /// <summary>What was logged since <paramref name="from"/> (an earlier <see cref="Length"/>).</summary>
    public static string Text(int from)
    {
        lock (Gate)
        {
            return Log.ToString(from, Log.Length - from);
        }
    }

    public static void Write(string text)
    {
        lock (Gate)
        {
            Log.Append(text).Append('\n');
        }
    }

    public static void AddSecret(string? secret)
    {
        if (secret is { Length: >= MinimumSecretLength } && Secrets.TryAdd(secret, 0))
        {
            NewSecrets.Enqueue(secret);
        }
    }

    /// <summary>Every place a secret is in the log, searching only what is new since the last check.</summary>
    public static IReadOnlyList<string> FindLoggedSecrets()
    {
        lock (Gate)
        {
            var learnt = new List<string>();
            while (NewSecrets.TryDequeue(out var secret))
            {
                learnt.Add(secret);
            }
            var found = Search(Log.ToString(_checkedUpTo, Log.Length - _checkedUpTo), Secrets.Keys).Concat(Search(Log.ToString(), learnt));
            _checkedUpTo = Log.Length;
            return [.. found.Distinct().Select(Describe)];
        }
    }

    /// <summary>The secrets that occur in <paramref name="log"/>: tokens by their marker, anything else by a plain search.</summary>
    public static IEnumerable<string> Search(string log, IEnumerable<string> secrets)
    {
        var known = secrets.ToHashSet(StringComparer.Ordinal);
        var tokens = Token().Matches(log).Select(m => m.Value).Where(known.Contains);
        var others = known.Where(s => !s.StartsWith("vgl_", StringComparison.Ordinal) && log.Contains(s, StringComparison.Ordinal));
        return tokens.Concat(others).Distinct();
    }

    private static string Describe(string secret)
    {
        var at = Log.ToString().IndexOf(secret, StringComparison.Ordinal);
        var start = Math.Max(0, at - 120);
        return $"a secret ({secret[..4]}…) in: …{Log.ToString(start, Math.Min(240, Log.Length - start))}…";
    }

    [GeneratedRegex("vgl_[A-Za-z0-9_-]{20,}")]
    private static partial Regex Token();
}

/// <summary>Writes every log entry of a test server, with its exception, to <see cref="RunLog"/>.</summary>
public sealed class RunLogProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Writer(categoryName);

    public void Dispose()
    {
    }

    private sealed class Writer(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            RunLog.Write($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
    }
}
