using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil ledger audit` (recompute and check the whole log from the local database) and `vigil ledger follow`.</summary>
public static class LedgerCommands
{
    public static Command Create(CliOutput io)
    {
        var ledger = new Command("ledger", "The transparency log.");
        var audit = new Command("audit",
            "Recompute every leaf from the stored submissions and the tree from the leaves; check every checkpoint. Exit 1 on any finding, 6 when the audit cannot run.\nExample: vigil ledger audit --key VKEY")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var keys = new Option<string[]>("--key")
        {
            Description = "A verifier key of the log, as GET /ledger/key prints it; repeat for each rotated key. Else the configured key file's (never created).",
            AllowMultipleArgumentsPerToken = false,
        };
        audit.Options.Add(keys);
        audit.SetAction(async (parsed, cancellationToken) =>
        {
            // The server's own registrations: --Storage:... and the environment select the database and the key file.
            // A database that cannot be read is said once, below, not also logged by EF Core with its stack trace.
            string[] arguments = ["--Logging:Console:LogLevel:Microsoft.EntityFrameworkCore=None", .. parsed.UnmatchedTokens, "--FirstStart:CreateAdmin=false"];
            try
            {
                if (await StoredOriginAsync(arguments, io, cancellationToken) is { } origin)
                {
                    arguments = [.. arguments, $"--{LedgerOptions.Section}:{nameof(LedgerOptions.Origin)}={origin}"];
                }
                await using var app = Program.BuildApp(arguments);
                await using var scope = app.Services.CreateAsyncScope();
                // Public keys only: the audit never builds the log's signer, which would make a key file where none is.
                var verifiers = LedgerAuditKeys.Read(
                    scope.ServiceProvider.GetRequiredService<IOptions<LedgerOptions>>().Value,
                    scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value,
                    parsed.GetValue(keys) ?? []);
                var report = await ActivatorUtilities.CreateInstance<LedgerAudit>(scope.ServiceProvider, verifiers).RunAsync(cancellationToken);
                foreach (var finding in report.Findings)
                {
                    await io.Out.WriteLineAsync("FOUND: " + finding);
                }
                await io.Out.WriteLineAsync(
                    $"{report.Leaves} leaves, {report.Submissions} submissions, {report.NoteRevisions} note revisions, {report.Events} events, {report.Checkpoints} checkpoints: " +
                    (report.Clean ? "the log is intact." : $"{report.Findings.Count} problems."));
                return report.Clean ? ExitCodes.Ok : ExitCodes.Rejected;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // No database, a key for another log, a setting that stops the start: nothing was audited, so say
                // that, not a stack trace with the exit code of "problems found".
                await io.Error.WriteLineAsync($"Could not audit the log: {e.Message}");
                return ExitCodes.CouldNotAudit;
            }
        });
        ledger.Subcommands.Add(audit);
        ledger.Subcommands.Add(LedgerFollowCommand.Create(io));
        return ledger;
    }

    /// <summary>
    /// When Ledger:Origin is not configured, the origin the stored checkpoints name (the first one's: the log's own;
    /// any that names another is a finding of the audit); null when it is configured or nothing is stored.
    /// </summary>
    private static async Task<string?> StoredOriginAsync(string[] arguments, CliOutput io, CancellationToken cancellationToken)
    {
        await using var app = Program.BuildApp(arguments);
        var configured = app.Configuration[$"{LedgerOptions.Section}:{nameof(LedgerOptions.Origin)}"];
        await using var scope = app.Services.CreateAsyncScope();
        RefuseMissingDatabase(scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value);
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var origin = await StoredOrigin.ReadAsync(db, cancellationToken);
        if (configured is not null || origin is null)
        {
            return null;
        }
        await io.Out.WriteLineAsync($"Ledger:Origin is not configured; auditing the log the stored checkpoints name: {origin}");
        return origin;
    }

    /// <summary>SQLite would make an empty database file where none is: an audit of the wrong directory must leave nothing behind.</summary>
    private static void RefuseMissingDatabase(StorageOptions storage)
    {
        if (storage.Provider != "sqlite")
        {
            return;
        }
        var file = new SqliteConnectionStringBuilder(storage.ResolveConnectionString()).DataSource;
        if (file != ":memory:" && !File.Exists(file))
        {
            throw new InvalidOperationException($"There is no database at {file}: give the data directory that holds it (--Storage:DataDirectory=DIR).");
        }
    }
}
