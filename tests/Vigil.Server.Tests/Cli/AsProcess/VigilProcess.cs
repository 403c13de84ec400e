using System.Text.Json.Nodes;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// The built `vigil` run as its own process, its standard output and error redirected (so neither is a terminal),
/// with no config file of the machine's user in the way; the server and token come from the environment, as in a
/// script, or from the flags a test gives.
/// </summary>
public static class VigilProcess
{
    private static readonly string NoConfigFile = Path.Combine(Path.GetTempPath(), "vigil-process-tests-no-config.json");

    public static Task<CliRun> RunAsync(params string[] args) =>
        CliRun.ProcessAsync(new Dictionary<string, string> { ["VIGIL_CONFIG"] = NoConfigFile }, args);

    /// <summary>With VIGIL_URL and (when given) VIGIL_TOKEN set, as a script would set them.</summary>
    public static Task<CliRun> AgainstAsync(Uri server, string? token, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["VIGIL_CONFIG"] = NoConfigFile, ["VIGIL_URL"] = server.ToString() };
        if (token is not null)
        {
            environment["VIGIL_TOKEN"] = token;
        }
        return CliRun.ProcessAsync(environment, args);
    }

    /// <summary>What a run printed on standard output as JSON, after checking it succeeded; System.Text.Json must read it.</summary>
    public static JsonNode Json(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return JsonNode.Parse(run.Out) ?? throw new Xunit.Sdk.XunitException("stdout is JSON null:\n" + run);
    }

    /// <summary>A failure with <paramref name="code"/> that says something on standard error and nothing that looks like success.</summary>
    public static CliRun Failed(CliRun run, int code)
    {
        Assert.True(run.ExitCode == code, $"expected exit {code}\n{run}");
        Assert.False(string.IsNullOrWhiteSpace(run.Error), "a failure says why on standard error\n" + run);
        return run;
    }

    /// <summary>No progress drawn on a redirected standard error: no carriage returns, no bar, no running counts.</summary>
    public static void NoProgress(CliRun run)
    {
        Assert.DoesNotContain('\r', run.Error);
        Assert.DoesNotContain("[#", run.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+/\d+ files", run.Error);
    }
}
