using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;
using Vigil.Csaf.Validation;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil advisory check FILE...` validates CSAF 2.0 documents offline (the JSON schema and every mandatory test of
/// section 6.1), one line per failure; `vigil advisory import FILE...` sends them to the server, which checks them the
/// same way and keeps the accepted ones byte for byte. Both exit 0 when every file passes, 1 when one does not.
/// `vigil advisory follow URL` is in <see cref="AdvisoryFollowCommand"/>.
/// </summary>
public static class AdvisoryCommands
{
    public static Command Create(CliOutput io)
    {
        var server = new Option<string?>("--server") { Description = ConnectionSettings.ServerOptionHelp, Recursive = true };
        var token = new Option<string?>("--token") { Description = "An API token (else VIGIL_TOKEN or the config file).", Recursive = true };
        var advisory = new Command("advisory", "Check, import and follow other publishers' CSAF 2.0 advisories.");

        var checkFiles = new Argument<FileInfo[]>("FILE") { Description = "CSAF 2.0 documents (JSON).", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Validate CSAF 2.0 documents offline: schema and every mandatory test.\nExample: vigil advisory check advisory.json") { checkFiles };
        check.SetAction((parsed, _) => EachFileAsync(io, parsed.GetValue(checkFiles)!, (file, bytes) => CheckAsync(io, file, bytes)));

        var json = new Option<bool>("--json") { Description = "Print the server's JSON answer instead of a summary." };
        var importFiles = new Argument<FileInfo[]>("FILE") { Description = "CSAF 2.0 documents (JSON), sent byte for byte.", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Import CSAF 2.0 documents into the server (analysts).\nExample: vigil advisory import advisory.json") { importFiles, server, token, json };
        import.SetAction((parsed, ct) => EachFileAsync(io, parsed.GetValue(importFiles)!, async (file, bytes) =>
        {
            // With --json standard output holds only the server's answers (one a line), so the name goes to standard error.
            await (parsed.GetValue(json) ? io.Error : io.Out).WriteLineAsync($"{file.Name}:");
            return await ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token),
                async client => await client.PostBytesAsync("/api/v1/advisories/import", bytes, ct), parsed.GetValue(json), PrintImportedAsync);
        }));

        advisory.Subcommands.Add(check);
        advisory.Subcommands.Add(import);
        advisory.Subcommands.Add(AdvisoryFollowCommand.Create(io, server, token));
        return advisory;
    }

    private static async Task<int> CheckAsync(CliOutput io, FileInfo file, byte[] bytes)
    {
        var report = CsafValidator.Validate(bytes);
        if (report.IsValid)
        {
            await io.Out.WriteLineAsync($"{file.Name}: valid");
            return ExitCodes.Ok;
        }
        foreach (var finding in report.Findings)
        {
            await io.Out.WriteLineAsync($"{file.Name}: {finding}");
        }
        return ExitCodes.Rejected;
    }

    /// <summary>Runs an action on each file; the exit code is the worst of them (an unreadable file is 4).</summary>
    private static async Task<int> EachFileAsync(CliOutput io, FileInfo[] files, Func<FileInfo, byte[], Task<int>> action)
    {
        var worst = ExitCodes.Ok;
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await io.Error.WriteLineAsync($"Cannot read {file.FullName}: {e.Message}");
                worst = Math.Max(worst, ExitCodes.LocalFile);
                continue;
            }
            worst = Math.Max(worst, await action(file, bytes));
        }
        return worst;
    }

    private static async Task PrintImportedAsync(JsonNode advisory, TextWriter output)
    {
        var publisher = advisory["publisher"];
        await output.WriteLineAsync($"  advisory {advisory["id"]}: {advisory["tracking_id"]} version {advisory["version"]}  TLP:{advisory["tlp"]}");
        await output.WriteLineAsync($"  {advisory["title"]}");
        await output.WriteLineAsync($"  published by {publisher?["name"]} ({publisher?["category"]}, {publisher?["namespace"]})");
        await output.WriteLineAsync($"  sha256 {advisory["sha256"]}");
    }
}
