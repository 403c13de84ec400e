namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Secrets on disk (signing keys, the vault key) live in files only their owner may read or write. Creating one and
/// checking one that is already there are done here, once.
/// </summary>
public static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the file (it must not exist) readable and writable by its owner alone, and writes it.</summary>
    public static void Create(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }
        using var stream = new FileStream(path, options);
        write(stream);
    }

    /// <summary>Refuses a secret file that its group or others may read or write: someone loosened it, and the secret may be out.</summary>
    public static void EnsureOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            throw new InvalidOperationException(
                $"{path} may be read or written by others (mode {Convert.ToString((int)mode, 8)}); make it owner-only (chmod 600) and consider the secret in it exposed.");
        }
    }
}
