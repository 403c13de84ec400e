using Microsoft.Data.Sqlite;

namespace Vigil.Cli.Commands;

/// <summary>
/// One side of `vigil db copy`: <c>sqlite:PATH</c> (the database file, or the data directory that holds vigil.db) or
/// <c>postgres:CONNECTION-STRING</c>.
/// </summary>
internal sealed record DatabaseEndpoint(string Provider, string ConnectionString, string? DataDirectory)
{
    public static DatabaseEndpoint? Parse(string text, bool readOnly)
    {
        if (text.StartsWith("postgres:", StringComparison.Ordinal) && text.Length > "postgres:".Length)
        {
            return new("postgres", text["postgres:".Length..], null);
        }
        if (!text.StartsWith("sqlite:", StringComparison.Ordinal) || text.Length == "sqlite:".Length)
        {
            return null;
        }
        var path = Path.GetFullPath(text["sqlite:".Length..]);
        var file = Directory.Exists(path) ? Path.Combine(path, "vigil.db") : path;
        // The source is opened read-only: a copy never changes it, and a wrong path is not made into an empty database.
        var connection = new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate };
        return new("sqlite", connection.ConnectionString, Path.GetDirectoryName(file));
    }

    public string? MissingFile => Provider == "sqlite" && new SqliteConnectionStringBuilder(ConnectionString).DataSource is var file && !File.Exists(file) ? file : null;

    /// <summary>The server's settings for this database; the data directory is where the log's key files are looked for.</summary>
    public string[] Arguments(string dataDirectory) =>
        [$"--Storage:Provider={Provider}", $"--Storage:ConnectionString={ConnectionString}", $"--Storage:DataDirectory={dataDirectory}"];
}
