using System.CommandLine;
using Vigil.Server.Features.Demo;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil demo [--serve] [host options]`: loads the 2019 case into the configured database, which must be empty, and
/// prints where to click and whom to sign in as. Exits 0 when loaded, 1 when the database is not empty. The demo's
/// log has its own origin, so serve it with the same one (the printed command does), or at once with --serve.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliOutput io)
    {
        var serve = new Option<bool>("--serve") { Description = "Serve the demo once it is loaded (as 'vigil serve --demo' does)." };
        var json = new Option<bool>("--json") { Description = "Print the guide as one JSON object: the pages, the accounts with their passwords, and the serve command." };
        var command = new Command("demo", "Load the 2019 case (CVE-2019-3568, Pegasus) into an empty database for a demonstration.\n"
            + "Example: vigil demo --Storage:DataDirectory=./demo-data --serve")
        {
            serve, json,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var hostArgs = DemoStartup.WithDemoOrigin(parsed.UnmatchedTokens);
            if (parsed.GetValue(serve))
            {
                return await ServeCommand.RunAsync(io, [.. parsed.UnmatchedTokens], demo: true, cancellationToken);
            }
            if (await DemoStartup.LoadAsync(hostArgs, io.Out, io.Error, parsed.GetValue(json), cancellationToken) != 0)
            {
                return ExitCodes.Rejected;
            }
            if (parsed.GetValue(json))
            {
                return ExitCodes.Ok;
            }
            await io.Out.WriteLineAsync($"Serve it with: vigil serve {string.Join(' ', hostArgs)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
