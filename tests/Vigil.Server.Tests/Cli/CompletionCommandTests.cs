using System.Diagnostics;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli;

/// <summary>Issue 17, shell completion: the script `vigil completion bash` prints completes real commands in a real bash.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CompletionCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-completion-").FullName;

    [Theory]
    [InlineData("vigil adm", "admin")]
    [InlineData("vigil admin to", "token")]
    [InlineData("vigil triage ", "assign")]
    public async Task Bash_completes_commands_from_vigil_itself(string line, string expected)
    {
        // `vigil` on PATH as a user would have it: here the built program run by dotnet.
        var vigil = Path.Combine(_directory, "vigil");
        await File.WriteAllTextAsync(vigil, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "vigil.dll")}\" \"$@\"\n");
        File.SetUnixFileMode(vigil, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = await CliRun.InProcessAsync("completion", "bash");
        Assert.Equal(ExitCodes.Ok, script.ExitCode);
        await File.WriteAllTextAsync(Path.Combine(_directory, "completion.bash"), script.Out);

        var words = line.Split(' ');
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["PATH"] = _directory + ":" + Environment.GetEnvironmentVariable("PATH");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"""
            source '{_directory}/completion.bash'
            COMP_LINE='{line}'; COMP_POINT={line.Length}; COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}
            _vigil_complete
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
            """);
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Contains(expected, output.Split('\n'));
    }

    [Fact]
    public async Task An_unknown_shell_is_a_usage_error()
    {
        var run = await CliRun.InProcessAsync("completion", "powershell");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
