using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Commands;

/// <summary>
/// One `vigil db copy`: checks both sides, copies table by table inside the target's transaction, audits the log as
/// the target now holds it (in that same transaction) and commits only a copy that verifies. A failed or refused copy
/// leaves the target as it was (migrated, and empty).
/// </summary>
internal sealed class DatabaseCopyRun(CliOutput io, DatabaseEndpoint source, DatabaseEndpoint target, IReadOnlyList<string> keys, bool json)
{
    private static readonly string[] Quiet = ["--Logging:Console:LogLevel:Microsoft.EntityFrameworkCore=None", "--Logging:Console:LogLevel:Default=Warning", "--FirstStart:CreateAdmin=false"];

    // The log's key files live in the data directory of the SQLite side (a PostgreSQL server keeps them in its own).
    private string KeyDirectory => (source.Provider == "sqlite" ? source : target).DataDirectory!;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var sourceApp = Program.BuildApp([.. Quiet, .. source.Arguments(KeyDirectory)]);
        await using var sourceScope = sourceApp.Services.CreateAsyncScope();
        var from = sourceScope.ServiceProvider.GetRequiredService<VigilDbContext>();
        string? origin;
        try
        {
            if ((await from.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await io.Error.WriteLineAsync("The source is not at this version's schema: run `vigil db migrate` on it first.");
                return ExitCodes.Rejected;
            }
            origin = await StoredOrigin.ReadAsync(from, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await io.Error.WriteLineAsync($"Could not read the source: {e.Message}");
            return ExitCodes.Unavailable;
        }

        string[] originArgument = origin is null ? [] : [$"--{LedgerOptions.Section}:{nameof(LedgerOptions.Origin)}={origin}"];
        await using var targetApp = Program.BuildApp([.. Quiet, .. target.Arguments(KeyDirectory), .. originArgument]);
        try
        {
            await DatabaseStartup.MigrateAsync(targetApp.Services, targetApp.Services.GetRequiredService<IOptions<StorageOptions>>().Value, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await io.Error.WriteLineAsync($"Could not migrate the target: {e.Message}");
            return ExitCodes.Unavailable;
        }
        await using var targetScope = targetApp.Services.CreateAsyncScope();
        var to = targetScope.ServiceProvider.GetRequiredService<VigilDbContext>();
        await using var transaction = await to.Database.BeginTransactionAsync(cancellationToken);
        var order = DatabaseCopy.InsertionOrder(to.Model);
        var occupied = new List<string>();
        foreach (var type in order)
        {
            if (await DatabaseCopy.RowsBeyondSeedAsync(to, type, cancellationToken) > 0)
            {
                occupied.Add(type.GetTableName()!);
            }
        }
        if (occupied.Count > 0)
        {
            await io.Error.WriteLineAsync($"The target is not empty ({string.Join(", ", occupied)} hold rows): a copy goes only into an empty database.");
            return ExitCodes.Rejected;
        }

        var tables = new List<(string Table, long Rows)>();
        var progress = CopyProgress.StartIfTerminal(io.Error);
        foreach (var type in order)
        {
            var rows = await DatabaseCopy.CopyTableAsync(from, to, type, copied => progress?.Show(type.GetTableName()!, copied), cancellationToken);
            tables.Add((type.GetTableName()!, rows));
        }
        progress?.Done();
        await DatabaseCopy.AdvanceIdentitiesAsync(to, cancellationToken);

        LedgerAudit.Report report;
        try
        {
            report = await new LedgerAudit(to, DbCopyCommand.AuditKeys(targetScope.ServiceProvider, keys)).RunAsync(cancellationToken);
        }
        catch (LedgerAuditKeysMissingException e)
        {
            await io.Error.WriteLineAsync($"Could not audit the copy, so nothing was written: {e.Message}");
            return ExitCodes.CouldNotAudit;
        }
        if (report.Clean)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        await WriteAsync(tables, report);
        return report.Clean ? ExitCodes.Ok : ExitCodes.Rejected;
    }

    private async Task WriteAsync(IReadOnlyList<(string Table, long Rows)> tables, LedgerAudit.Report report)
    {
        if (json)
        {
            await io.Out.WriteLineAsync(CliJson.Write(DbCopyCommand.Summary(source, target, tables, report)));
            return;
        }
        foreach (var finding in report.Findings)
        {
            await io.Out.WriteLineAsync("FOUND: " + finding);
        }
        await io.Out.WriteLineAsync(report.Clean
            ? $"Copied {tables.Sum(t => t.Rows)} rows in {tables.Count} tables from {source.Provider} to {target.Provider}; "
                + $"the copy's log is intact ({report.Leaves} leaves, {report.Checkpoints} checkpoints)."
            : $"The copy's log does not verify ({report.Findings.Count} problems): nothing was written to the {target.Provider} database.");
    }
}
