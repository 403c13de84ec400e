using System.CommandLine;
using System.Text.Json.Nodes;

namespace Vigil.Cli.Connection;

/// <summary>
/// A command group that talks to a server: the options every such group shares (--server, --token, --json, given on
/// the group or any of its commands) and the one way its commands call the server and print the answer.
/// </summary>
public sealed class RemoteGroup
{
    private readonly CliOutput _io;

    public RemoteGroup(string name, string description, CliOutput io)
    {
        _io = io;
        Command = new Command(name, description) { Server, Token, Json };
    }

    public Option<string?> Server { get; } = new("--server")
    {
        Description = ConnectionSettings.ServerOptionHelp,
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token") { Description = "An API token (else VIGIL_TOKEN or the config file).", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the server's JSON answer instead of a summary.", Recursive = true };

    public Command Command { get; }

    /// <summary>Adds a command to the group whose action calls the server once and prints the answer through <paramref name="print"/>.</summary>
    public Command Add(Command command, Func<ParseResult, VigilApiClient, CancellationToken, Task<ApiAnswer?>> call, Func<JsonNode, TextWriter, Task> print)
    {
        command.SetAction((parsed, cancellationToken) => ServerCall.RunAsync(_io, parsed.GetValue(Server), parsed.GetValue(Token),
            client => call(parsed, client, cancellationToken), parsed.GetValue(Json), print));
        Command.Subcommands.Add(command);
        return command;
    }

    /// <summary>The file <paramref name="file"/> names, or null (reported) when it cannot be read.</summary>
    public Task<string?> ReadAsync(ParseResult parsed, Argument<FileInfo> file) => ServerCall.ReadFileAsync(parsed.GetValue(file)!, _io);

    /// <summary>A path segment as the URL needs it.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
