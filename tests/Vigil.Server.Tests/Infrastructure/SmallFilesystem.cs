using System.Diagnostics;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// A real small filesystem (a tmpfs of a given size) over a directory. <see cref="MountAsync"/> mounts it in a user
/// and mount namespace of its own (`unshare --user --map-root-user --mount`: no privilege needed), seen by a process
/// started through <see cref="Enter"/> while this process reaches its files through /proc/{holder}/root.
/// <see cref="MountForAllAsync"/> mounts it where every process sees it (root only), for a server not started here.
/// <see cref="Fill"/> takes all its free space with a filler file, <see cref="Free"/> gives it back. The filesystem
/// lasts as long as this object.
/// </summary>
public sealed class SmallFilesystem : IDisposable
{
    private readonly Process? _holder;
    private readonly string _filler;

    private SmallFilesystem(Process? holder, string directory)
    {
        _holder = holder;
        Directory = directory;
        _filler = holder is null ? Path.Combine(directory, "filler") : $"/proc/{holder.Id}/root{directory}/filler";
    }

    /// <summary>Where the filesystem is mounted.</summary>
    public string Directory { get; }

    public static async Task<SmallFilesystem> MountAsync(string directory, string size)
    {
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The namespace lives as long as its first process: a sleep that says when the mount is there.
        foreach (var argument in (string[])["--user", "--map-root-user", "--mount", "sh", "-c",
            "mount -t tmpfs -o size=\"$1\",mode=0700 tmpfs \"$2\" && echo mounted && exec sleep 900", "sh", size, directory])
        {
            start.ArgumentList.Add(argument);
        }
        var holder = Process.Start(start)!;
        var line = await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (line != "mounted")
        {
            holder.Kill();
            throw new InvalidOperationException("No tmpfs could be mounted in a namespace: " + await holder.StandardError.ReadToEndAsync());
        }
        return new SmallFilesystem(holder, directory);
    }

    /// <summary>Mounted for every process (needs root), its root directory owned by <paramref name="owner"/> ("uid:gid").</summary>
    public static async Task<SmallFilesystem> MountForAllAsync(string directory, string size, string owner)
    {
        var (uid, gid) = (owner.Split(':')[0], owner.Split(':')[1]);
        var (code, said) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={size},uid={uid},gid={gid},mode=0700", "tmpfs", directory);
        return code == 0 ? new SmallFilesystem(null, directory) : throw new InvalidOperationException("No tmpfs could be mounted (this needs root): " + said);
    }

    /// <summary>The same start, run in the filesystem's namespace (as its root, which is this process's user outside).</summary>
    public ProcessStartInfo Enter(ProcessStartInfo start)
    {
        var holder = _holder ?? throw new InvalidOperationException("Mounted for all: there is no namespace to enter.");
        var entered = new ProcessStartInfo("nsenter")
        {
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            UseShellExecute = false,
        };
        var directory = string.IsNullOrEmpty(start.WorkingDirectory) ? Environment.CurrentDirectory : start.WorkingDirectory;
        foreach (var argument in (string[])[$"--target={holder.Id}", "--user", "--mount", $"--wd={directory}", start.FileName, .. start.ArgumentList])
        {
            entered.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in start.Environment)
        {
            entered.Environment[name] = value;
        }
        return entered;
    }

    /// <summary>Writes the filler until the filesystem has no room left for a byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(_filler, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 0 });
        foreach (var size in (int[])[1 << 20, 4096, 1])
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    filler.Write(chunk);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    public void Free() => File.Delete(_filler);

    /// <summary>Runs a command to its end: its exit code and what it printed.</summary>
    public static async Task<(int Code, string Said)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, (await output + await error).Trim());
    }

    public void Dispose()
    {
        if (_holder is null)
        {
            RunAsync("umount", Directory).GetAwaiter().GetResult();
            return;
        }
        if (!_holder.HasExited)
        {
            _holder.Kill();
            _holder.WaitForExit();
        }
        _holder.Dispose();
    }
}
