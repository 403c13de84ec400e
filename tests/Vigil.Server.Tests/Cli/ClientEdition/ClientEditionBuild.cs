using System.Diagnostics;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli.ClientEdition;

/// <summary>
/// The client edition of `vigil` (-p:VigilEdition=client), built once for the test class that uses it, in the
/// configuration these tests were built in, and run as a process as a user runs it.
/// </summary>
public sealed class ClientEditionBuild : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string Directory { get; } = RepositoryPaths.File("src", "Vigil.Cli", "bin", "client", Configuration, "net10.0");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // No build server or compiler server left behind: it would hold this process's pipes open after the build.
        foreach (var arg in new[] { "build", "src/Vigil.Cli/Vigil.Cli.csproj", "-c", Configuration, "-p:VigilEdition=client", "-v", "q", "-nologo",
            "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "false";
        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync();
        var error = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"The client edition did not build (exit {build.ExitCode}):\n{await output}\n{await error}");
        }
    }

    /// <summary>The client edition's `vigil` run with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public Task<CliRun> RunAsync(string workingDirectory, params string[] args) =>
        CliRun.ProcessAsync(null, start =>
        {
            start.ArgumentList[0] = Path.Combine(Directory, "vigil.dll");
            start.WorkingDirectory = workingDirectory;
            return start;
        }, args);

    public Task DisposeAsync() => Task.CompletedTask;
}
