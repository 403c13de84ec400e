using System.CommandLine;

// The client edition's stand-ins for the command groups whose full versions host the server or open its database
// (Commands/ServeCommand.cs and the others Vigil.Cli.csproj leaves out of it): the same names, so VigilCli.Build is
// one list for both editions; the API's commands in them are the full tool's own.
namespace Vigil.Cli.Commands;

public static class ServeCommand
{
    public static Command Create(CliOutput io) => ClientEdition.ServerOnlyCommand.Create(io, "serve", "serve");
}

public static class DemoCommand
{
    public static Command Create(CliOutput io) => ClientEdition.ServerOnlyCommand.Create(io, "demo", "demo");
}

public static class DbCommands
{
    public static Command Create(CliOutput io) => ClientEdition.ServerOnlyCommand.Create(io, "db", "db");
}

public static class WitnessCommands
{
    public static Command Create(CliOutput io) => ClientEdition.ServerOnlyCommand.Create(io, "witness", "witness");
}

/// <summary>`admin org`, `user` and `token` through the API; `init`, `recover` and `rotate-ledger-key` need the server's database.</summary>
public static class AdminCommands
{
    public static Command Create(CliOutput io)
    {
        var admin = new Command("admin", "Operator tasks through the API (org, user, token); the local ones need the full tool.");
        foreach (var local in new[] { "init", "recover", "rotate-ledger-key" })
        {
            admin.Subcommands.Add(ClientEdition.ServerOnlyCommand.Create(io, local, "admin " + local));
        }
        admin.Subcommands.Add(AdminApiCommands.Organisations(io));
        admin.Subcommands.Add(AdminApiCommands.Users(io));
        admin.Subcommands.Add(AdminApiCommands.Tokens(io));
        return admin;
    }
}

/// <summary>`ledger follow` watches a log through its public API; `ledger audit` reads the server's database.</summary>
public static class LedgerCommands
{
    public static Command Create(CliOutput io)
    {
        var ledger = new Command("ledger", "The transparency log.");
        ledger.Subcommands.Add(ClientEdition.ServerOnlyCommand.Create(io, "audit", "ledger audit"));
        ledger.Subcommands.Add(LedgerFollowCommand.Create(io));
        return ledger;
    }
}
