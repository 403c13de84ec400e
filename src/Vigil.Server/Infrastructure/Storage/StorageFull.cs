using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Recognises a write refused because the storage under Vigil has no room: SQLite's "database or disk is full" (or
/// its write failing below it), PostgreSQL's disk_full, a file write's "no space left on device". Such a write was
/// never stored (its transaction rolls back) and the same request may succeed once space returns, so it is answered
/// 503 with Retry-After rather than as a fault of the server. The exception may arrive wrapped (EF Core's
/// DbUpdateException, a commit shared by several requests), so its whole chain is searched.
/// </summary>
public static class StorageFull
{
    // SQLite's result codes: SQLITE_FULL, and the I/O errors of a write that found no room below it (a quota, a
    // shared-memory index that could not grow).
    private const int SqliteFull = 13;
    private const int SqliteIoErrWrite = 778;
    private const int SqliteIoErrShmSize = 4874;

    /// <summary>PostgreSQL's SQLSTATE disk_full (class 53, insufficient resources).</summary>
    public const string PostgresDiskFull = "53100";

    /// <summary>What refused the write, in words fit for the log (no paths, no data), or null when it is not a full storage.</summary>
    public static string? Reason(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var reason = e switch
            {
                SqliteException { SqliteErrorCode: SqliteFull } => "SQLite: database or disk is full",
                SqliteException { SqliteExtendedErrorCode: SqliteIoErrWrite or SqliteIoErrShmSize } sqlite =>
                    $"SQLite: a write failed (extended code {sqlite.SqliteExtendedErrorCode})",
                PostgresException { SqlState: PostgresDiskFull } => "PostgreSQL: disk full (SQLSTATE 53100)",
                // A connection the server opens while the database's disk is full ends at once: it could not write its
                // relation cache file, and says so with no SQLSTATE of its own (with the server's messages in English).
                PostgresException { SqlState: "XX000", MessageText: "could not write init file" } =>
                    "PostgreSQL: a new connection could not write its cache file (disk full)",
                IOException io when IsNoSpace(io) => "no space left on the device (or the quota is used up)",
                AggregateException many => many.InnerExceptions.Select(Reason).FirstOrDefault(r => r is not null),
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }
        return null;
    }

    public static bool Is(Exception exception) => Reason(exception) is not null;

    // On Unix .NET carries the errno as the HResult of an IOException it has no narrower type for.
    private static bool IsNoSpace(IOException io) =>
        OperatingSystem.IsWindows()
            ? io.HResult is unchecked((int)0x80070070) or unchecked((int)0x80070027) // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
            : io.HResult == 28 || io.HResult == (OperatingSystem.IsLinux() ? 122 : 69); // ENOSPC, EDQUOT
}
