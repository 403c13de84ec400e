using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil db copy`: every table of a Vigil database into an empty one of the other provider, in one transaction on
/// the target that is committed only when the copy's transparency log audits clean.
/// </summary>
public static class DbCopyCommand
{
    public static Command Create(CliOutput io)
    {
        var command = new Command("copy", "Copy every table of a Vigil database into an empty database of the other provider (migrated first), "
            + "keeping ids, leaf indices, hashes and times; audit the copy's log as `ledger audit` does and commit only when it is intact. "
            + "Exit 1 when the target is not empty, the source is not migrated or the copy's log does not verify (nothing is written then); 6 when the audit cannot run.\n"
            + "Example: vigil db copy --from sqlite:./data --to postgres:\"Host=db;Database=vigil;Username=vigil\"");
        var from = new Option<string>("--from") { Description = "The source: sqlite:PATH (the database file or its data directory) or postgres:CONNECTION-STRING.", Required = true };
        var to = new Option<string>("--to") { Description = "The target, of the other provider: postgres:CONNECTION-STRING or sqlite:PATH.", Required = true };
        var keys = new Option<string[]>("--key")
        {
            Description = "A verifier key of the log, as GET /ledger/key prints it; repeat for rotated keys. Else the key file in the SQLite side's data directory.",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary: the tables and their row counts, and the audit." };
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(keys);
        command.Options.Add(json);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var source = DatabaseEndpoint.Parse(parsed.GetValue(from)!, readOnly: true);
            var target = DatabaseEndpoint.Parse(parsed.GetValue(to)!, readOnly: false);
            if (source is null || target is null || source.Provider == target.Provider)
            {
                await io.Error.WriteLineAsync("--from and --to each take sqlite:PATH or postgres:CONNECTION-STRING, one of each.");
                return ExitCodes.Usage;
            }
            if (source.MissingFile is { } missing)
            {
                await io.Error.WriteLineAsync($"There is no database at {missing}.");
                return ExitCodes.LocalFile;
            }
            var copy = new DatabaseCopyRun(io, source, target, parsed.GetValue(keys) ?? [], parsed.GetValue(json));
            return await copy.RunAsync(cancellationToken);
        });
        return command;
    }

    internal static JsonObject Summary(DatabaseEndpoint source, DatabaseEndpoint target, IReadOnlyList<(string Table, long Rows)> tables, LedgerAudit.Report report) => new()
    {
        ["from"] = source.Provider,
        ["to"] = target.Provider,
        ["tables"] = new JsonArray([.. tables.Select(t => new JsonObject { ["table"] = t.Table, ["rows"] = t.Rows })]),
        ["audit"] = new JsonObject
        {
            ["intact"] = report.Clean,
            ["leaves"] = report.Leaves,
            ["submissions"] = report.Submissions,
            ["note_revisions"] = report.NoteRevisions,
            ["events"] = report.Events,
            ["checkpoints"] = report.Checkpoints,
            ["findings"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)f)]),
        },
    };

    internal static LedgerAuditKeys AuditKeys(IServiceProvider services, IReadOnlyList<string> given) => LedgerAuditKeys.Read(
        services.GetRequiredService<IOptions<LedgerOptions>>().Value, services.GetRequiredService<IOptions<StorageOptions>>().Value, given);
}
