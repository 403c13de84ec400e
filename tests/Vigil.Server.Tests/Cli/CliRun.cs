using System.Diagnostics;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli;

/// <summary>Runs `vigil` in this process (as the entry point does) or as a separate process, and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VigilCli.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> ProcessAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        ProcessAsync(environment, start => start, args);

    /// <summary>As a separate process whose start is passed through <paramref name="through"/> first (e.g. into a namespace).</summary>
    public static async Task<CliRun> ProcessAsync(IReadOnlyDictionary<string, string>? environment, Func<ProcessStartInfo, ProcessStartInfo> through, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(through(start))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliRun(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
