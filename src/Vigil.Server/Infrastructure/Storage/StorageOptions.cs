using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>Where Vigil keeps its data. Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"sqlite" (default: one file under <see cref="DataDirectory"/>) or "postgres".</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Required for PostgreSQL; for SQLite the default is <c>{DataDirectory}/vigil.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a start waits for another process that is migrating the same database before it gives up, says why and
    /// exits (never waiting without end).
    /// </summary>
    [Range(1, 3600)]
    public int MigrationLockTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// SQLite: the most writers one commit holds (group commit, see <c>WriteTransactions</c>); 1 commits each writer on
    /// its own.
    /// </summary>
    [Range(1, 1000)]
    public int WriteBatchLimit { get; set; } = 64;

    public string ResolveConnectionString() => Provider switch
    {
        "postgres" => ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is required for PostgreSQL."),
        _ => ConnectionString ?? $"Data Source={Path.Combine(DataDirectory, "vigil.db")};Foreign Keys=True",
    };
}
