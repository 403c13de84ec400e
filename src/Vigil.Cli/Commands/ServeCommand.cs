using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vigil.Server.Features.Demo;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil serve [--demo] [host options]`: runs the server, exactly as `dotnet run --project src/Vigil.Server` does.</summary>
public static class ServeCommand
{
    public static Command Create(CliOutput io)
    {
        var demo = new Option<bool>(DemoStartup.Flag)
        {
            Description = "Load the 2019 demo case into the (empty) database first, print where to click and whom to sign in as, then serve.",
        };
        var command = new Command("serve", "Run the Vigil server (SQLite under ./data/ unless configured otherwise; http://127.0.0.1:5080).\nExample: vigil serve --urls http://127.0.0.1:5080")
        {
            demo,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parsed, cancellationToken) => RunAsync(io, [.. parsed.UnmatchedTokens], parsed.GetValue(demo), cancellationToken));
        return command;
    }

    /// <summary>Serves with the host arguments given (e.g. --urls http://0.0.0.0:5080 or --Storage:Provider=postgres), after loading the demo if asked.</summary>
    public static async Task<int> RunAsync(CliOutput io, string[] hostArgs, bool demo, CancellationToken cancellationToken)
    {
        if (demo)
        {
            hostArgs = DemoStartup.WithDemoOrigin(hostArgs);
            if (await DemoStartup.LoadAsync(hostArgs, io.Out, io.Error, cancellationToken) != 0)
            {
                return ExitCodes.Rejected;
            }
        }
        var app = Program.BuildApp(hostArgs);
        if (!await DatabaseStartup.BeforeHostAsync(app, cancellationToken))
        {
            return ExitCodes.Rejected;
        }
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
