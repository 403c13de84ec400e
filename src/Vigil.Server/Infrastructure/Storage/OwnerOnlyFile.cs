namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Secrets on disk (signing keys, the vault key, the database) live in files and directories only their owner may
/// read or write. Creating one, checking one that is already there, and taking others' access away from the data
/// are done here, once. On Windows, where modes do not apply, each is a plain create or nothing.
/// </summary>
public static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates the file (it must not exist) readable and writable by its owner alone, and writes it. A missing parent
    /// directory is created owner-only too, so the file is never reachable by others even for a moment.
    /// </summary>
    public static void Create(string path, Action<Stream> write)
    {
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }
        using var stream = new FileStream(path, options);
        write(stream);
    }

    /// <summary>Creates the file as <see cref="Create"/> does, holding one line of text (a key in its text form).</summary>
    public static void CreateText(string path, string line) =>
        Create(path, stream =>
        {
            using var writer = new StreamWriter(stream);
            writer.WriteLine(line);
        });

    /// <summary>Reads a secret file's text after checking that only its owner may read or write it.</summary>
    public static string ReadAllText(string path)
    {
        EnsureOwnerOnly(path);
        return File.ReadAllText(path);
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

    /// <summary>Creates a directory (and its missing parents) that only its owner may enter; one that exists is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
        }
    }

    /// <summary>
    /// Takes group's and others' access away from a file or directory that exists (the data is Vigil's alone, whatever
    /// the umask was when it was made). Returns the mode it had when it was changed, null when there was nothing to do.
    /// </summary>
    public static UnixFileMode? Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || (!File.Exists(path) && !Directory.Exists(path)))
        {
            return null;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) == 0)
        {
            return null;
        }
        File.SetUnixFileMode(path, mode & ~GroupOrOther);
        return mode;
    }
}
