namespace Vigil.Domain.Regimes;

/// <summary>
/// Finds and reads the directory of regime files; the server at start and `vigil deadlines` share it. The one reader of
/// files in this library: the regimes are data the rules are written in, and a command that only computes deadlines
/// must read them without the server.
/// </summary>
public static class RegimeDirectory
{
    public const string DefaultName = "regimes";

    /// <summary>The configured directory (relative to <paramref name="baseDirectory"/>), or the default: <c>regimes/</c>
    /// under <paramref name="baseDirectory"/> if it exists, else the copy beside the binaries.</summary>
    public static string Resolve(string? configured, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, baseDirectory);
        }
        var local = Path.Combine(baseDirectory, DefaultName);
        return System.IO.Directory.Exists(local) ? Path.GetFullPath(local) : Path.Combine(AppContext.BaseDirectory, DefaultName);
    }

    /// <summary>Reads every <c>*.json</c> file in the directory.</summary>
    /// <exception cref="RegimeFileException">The directory is missing, or a file in it is bad (the message names the file and field).</exception>
    public static RegimeCatalog Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new RegimeFileException(directory, "", "the regimes directory does not exist; set Regimes:Directory");
        }
        return RegimeCatalog.Load(System.IO.Directory.GetFiles(directory, "*.json")
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path))));
    }
}
