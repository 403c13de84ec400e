namespace Vigil.Cli;

/// <summary>Replaces a file all at once: a crash leaves the old content or the new, never half of one.</summary>
public static class AtomicFile
{
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ThroughTemporaryAsync(path, content, temporary =>
        {
            File.Move(temporary, path, overwrite: true);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Writes a new file all at once, never over one that exists: false (and nothing written) when
    /// <paramref name="path"/> is taken, even by a file that appeared while this one was being written.
    /// </summary>
    public static async Task<bool> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            return await ThroughTemporaryAsync(path, content, temporary =>
            {
                if (File.Exists(path))
                {
                    return false;
                }
                File.Move(temporary, path, overwrite: false);
                return true;
            }, cancellationToken);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken) =>
        WriteAsync(path, System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Writes the content to a new file beside <paramref name="path"/>, flushed to disk, then lets <paramref name="place"/> move it; what is left of it goes.</summary>
    private static async Task<bool> ThroughTemporaryAsync(string path, ReadOnlyMemory<byte> content, Func<string, bool> place, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            return place(temporary);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
