using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Where the log's signing key file is. Not in the data directory by default: the database, its backups and copies
/// would otherwise carry the key that can re-sign whatever history is in them, and the audit could not tell. A key
/// left in the data directory by an earlier version is still found (an installation keeps working), with a warning
/// that says how to move it.
/// </summary>
/// <param name="KeyFile">The key file.</param>
/// <param name="Warning">Why this place is unwise and how to move the key, or null.</param>
public sealed record LedgerKeyLocation(string KeyFile, string? Warning)
{
    public const string FileName = "ledger-signer.key";

    /// <summary>The default key directory: beside the data directory, named after it with "-keys" (data-keys/ for data/).</summary>
    public static string DefaultDirectory(StorageOptions storage) => DataDirectory(storage) + "-keys";

    public static LedgerKeyLocation Resolve(LedgerOptions options, StorageOptions storage)
    {
        var data = DataDirectory(storage);
        if (options.KeyFile is { } configured)
        {
            return new(configured, IsInside(configured, data)
                ? $"The log's signing key {configured} (Ledger:KeyFile) is inside the data directory {data}, so every copy of the data carries it. {MoveAdvice(configured, storage)}"
                : null);
        }
        var preferred = Path.Combine(DefaultDirectory(storage), FileName);
        var earlier = Path.Combine(data, FileName);
        return !File.Exists(preferred) && File.Exists(earlier)
            ? new(earlier, $"The log's signing key is still in the data directory ({earlier}), where earlier versions made it, so every copy of the data carries it. {MoveAdvice(earlier, storage)}")
            : new(preferred, null);
    }

    private static string MoveAdvice(string keyFile, StorageOptions storage) =>
        $"Stop the server, move {keyFile} (and {keyFile}.retired, if there is one) into {DefaultDirectory(storage)}/ (owner-only: chmod 700), "
        + "remove any Ledger:KeyFile setting, and start again; or set Ledger:KeyFile to a place outside the data directory.";

    private static string DataDirectory(StorageOptions storage) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(storage.DataDirectory));

    private static bool IsInside(string file, string directory)
    {
        var relative = Path.GetRelativePath(directory, Path.GetFullPath(file));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
