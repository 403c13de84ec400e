using System.CommandLine;

namespace Vigil.Cli.ClientEdition;

/// <summary>
/// In the client edition, a command that needs the server (it hosts it, opens its database, or serves a witness): it
/// takes whatever follows it and says that this build has no server, with exit code 7, rather than "unknown command".
/// </summary>
public static class ServerOnlyCommand
{
    public static Command Create(CliOutput io, string name, string path)
    {
        var command = new Command(name, $"Not in this build: the client edition of vigil has no server.\nExample: vigil {path}")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var rest = new Argument<string[]>("ARGS") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        command.Arguments.Add(rest);
        command.SetAction(async (_, cancellationToken) =>
        {
            await io.Error.WriteLineAsync(
                $"vigil {path}: this is the client edition of vigil, which has no server. Use the full build of vigil, which hosts the server (docs/cli.md, Editions).");
            return ExitCodes.NotInThisBuild;
        });
        return command;
    }
}
