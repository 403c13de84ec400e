namespace Vigil.Csaf.Distribution;

/// <summary>
/// Reads a directory distribution's changes.csv and index.txt (CSAF requirements 13 and 12) as providers really
/// write them: quoted or not, with paths relative to the directory (<c>2023/x.json</c>) or carrying the directory's
/// own folder name in front (<c>white/2023/x.json</c> in the folder <c>white/</c>), the folder named after TLP 1.0
/// (<c>white</c>) or TLP 2.0 (<c>clear</c>).
/// </summary>
public static class DirectoryListing
{
    /// <summary>The document paths of changes.csv (<c>"path","time"</c> a line), in file order.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The paths (the first field of each non-empty line).</returns>
    public static IReadOnlyList<string> ReadChanges(string text) =>
        [.. Lines(text).Select(line => Unquote(FirstField(line))).Where(path => path.Length > 0)];

    /// <summary>The document paths of index.txt, one a line.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The paths.</returns>
    public static IReadOnlyList<string> ReadIndex(string text) => [.. Lines(text)];

    /// <summary>
    /// The URL of a listed path. A path that starts with the directory's own folder name is taken as written from the
    /// folder above (some providers list <c>white/2023/x.json</c> in <c>white/changes.csv</c>).
    /// </summary>
    /// <param name="directory">The directory's URL (with or without the trailing slash).</param>
    /// <param name="path">A path as listed.</param>
    /// <returns>The absolute http(s) URL, or null for a path that is not one (another scheme, or one leaving the provider's host).</returns>
    public static Uri? Resolve(Uri directory, string path)
    {
        var folder = directory.AbsoluteUri.EndsWith('/') ? directory : new Uri(directory.AbsoluteUri + "/");
        var name = folder.Segments[^1].TrimEnd('/');
        var relative = path.TrimStart('/');
        if (name.Length > 0 && relative.StartsWith(name + "/", StringComparison.OrdinalIgnoreCase))
        {
            relative = relative[(name.Length + 1)..];
        }
        var url = HttpUrl.Parse(relative, folder);
        return url is not null && url.Authority == folder.Authority && url.Scheme == folder.Scheme ? url : null;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0);

    private static string FirstField(string line)
    {
        if (line.StartsWith('"'))
        {
            var end = line.IndexOf('"', 1);
            return end < 0 ? line : line[..(end + 1)];
        }
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? line : line[..comma];
    }

    private static string Unquote(string field) => field.Trim().Trim('"').Trim();
}
