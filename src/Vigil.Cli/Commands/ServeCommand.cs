using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil serve [host options]`: runs the server, exactly as `dotnet run --project src/Vigil.Server` does.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the Vigil server (SQLite under ./data/ unless configured otherwise; http://127.0.0.1:5080).\nExample: vigil serve --urls http://127.0.0.1:5080")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // Anything after 'serve' is host configuration, e.g. --urls http://0.0.0.0:5080 or --Storage:Provider=postgres.
            var app = Program.BuildApp([.. parsed.UnmatchedTokens]);
            if (!await DatabaseStartup.BeforeHostAsync(app, cancellationToken))
            {
                return ExitCodes.Rejected;
            }
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
