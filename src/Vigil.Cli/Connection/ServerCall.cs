using System.Text.Json.Nodes;

namespace Vigil.Cli.Connection;

/// <summary>The shape of every command that talks to a server: resolve the connection, call, print, map to an exit code.</summary>
public static class ServerCall
{
    /// <summary>Prints the answer's JSON as given (<paramref name="json"/>) or through <paramref name="print"/>.</summary>
    public static Task<int> RunAsync(
        CliOutput io, string? server, string? token, Func<VigilApiClient, Task<ApiAnswer?>> call, bool json, Func<JsonNode, TextWriter, Task> print) =>
        RunAsync(io, server, token, call, json, answer => answer.Body.Length == 0
            ? io.Out.WriteLineAsync(json ? "" : $"Done ({answer.Status}).")
            : json ? io.Out.WriteLineAsync(answer.Body) : print(JsonNode.Parse(answer.Body)!, io.Out));

    /// <summary>
    /// Calls the server; a null answer means the call could not be made for a local reason (already reported).
    /// A refusal is printed as its problem (and, with <paramref name="echoFailure"/>, as the server's JSON too).
    /// </summary>
    public static async Task<int> RunAsync(
        CliOutput io, string? server, string? token, Func<VigilApiClient, Task<ApiAnswer?>> call, bool echoFailure, Func<ApiAnswer, Task> onSuccess)
    {
        ConnectionSettings settings;
        try
        {
            settings = ConnectionSettings.Resolve(server, token);
        }
        catch (ArgumentException e)
        {
            await io.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        using var client = new VigilApiClient(settings);
        ApiAnswer? answer;
        try
        {
            answer = await call(client);
        }
        catch (HttpRequestException e)
        {
            await io.Error.WriteLineAsync($"Cannot reach the Vigil server at {settings.Server}: {e.Message}");
            return ExitCodes.Unavailable;
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            // The server may still finish what was asked (a long provider run, say); only the wait ended.
            await io.Error.WriteLineAsync(
                $"The Vigil server at {settings.Server} did not answer within {settings.Timeout.TotalSeconds:0.###} s (VIGIL_TIMEOUT sets the wait); "
                + "what was asked may still complete there.");
            return ExitCodes.Unavailable;
        }
        if (answer is null)
        {
            return ExitCodes.LocalFile;
        }
        if (!answer.IsSuccess)
        {
            if (echoFailure)
            {
                await io.Out.WriteLineAsync(answer.Body);
            }
            return await AnswerPrinter.PrintFailureAsync(answer, io);
        }
        await onSuccess(answer);
        return ExitCodes.Ok;
    }

    public static async Task<string?> ReadFileAsync(FileInfo file, CliOutput io)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await io.Error.WriteLineAsync($"Cannot read {file.FullName}: {e.Message}");
            return null;
        }
    }
}
