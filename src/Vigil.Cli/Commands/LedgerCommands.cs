using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Ledger;

namespace Vigil.Cli.Commands;

/// <summary>`vigil ledger audit` (recompute and check the whole log from the local database) and `vigil ledger follow`.</summary>
public static class LedgerCommands
{
    public static Command Create(CliOutput io)
    {
        var ledger = new Command("ledger", "The transparency log.");
        var audit = new Command("audit", "Recompute every leaf from the stored submissions and the tree from the leaves; check every checkpoint. Exit 1 on any finding.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        audit.SetAction(async (parsed, cancellationToken) =>
        {
            // The server's own registrations: --Storage:... and the environment select the database and the key file.
            var app = Program.BuildApp([.. parsed.UnmatchedTokens, "--FirstStart:CreateAdmin=false"]);
            await using var scope = app.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<LedgerAudit>().RunAsync(cancellationToken);
            foreach (var finding in report.Findings)
            {
                await io.Out.WriteLineAsync("FOUND: " + finding);
            }
            await io.Out.WriteLineAsync(
                $"{report.Leaves} leaves, {report.Submissions} submissions, {report.NoteRevisions} note revisions, {report.Events} events, {report.Checkpoints} checkpoints: " +
                (report.Clean ? "the log is intact." : $"{report.Findings.Count} problems."));
            return report.Clean ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        ledger.Subcommands.Add(audit);
        ledger.Subcommands.Add(LedgerFollowCommand.Create(io));
        return ledger;
    }
}
