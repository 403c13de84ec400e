using System.CommandLine;
using Vigil.Cli.Commands;

namespace Vigil.Cli;

/// <summary>The `vigil` command: a thin shell over the same core as the server.</summary>
public static class VigilCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Build(new CliOutput(output, error)).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }
            await error.WriteLineAsync("Run 'vigil --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Every command, as `--help` lists them; <paramref name="io"/> is where they print.</summary>
    public static RootCommand Build(CliOutput io)
    {
        var root = new RootCommand("Vigil: incident reports to a national CERT, and the record that proves what was said and when.");
        root.Subcommands.Add(ServeCommand.Create(io));
        root.Subcommands.Add(DemoCommand.Create(io));
        root.Subcommands.Add(AdminCommands.Create(io));
        root.Subcommands.Add(ReportCommands.Create(io));
        root.Subcommands.Add(TriageCommands.Create(io));
        root.Subcommands.Add(VerifyCommand.Create(io));
        root.Subcommands.Add(ReceiptCommands.Create(io));
        root.Subcommands.Add(CvssCommand.Create(io));
        root.Subcommands.Add(NoteCommands.Create(io));
        root.Subcommands.Add(CollectionCommands.Create(io));
        root.Subcommands.Add(AdvisoryCommands.Create(io));
        root.Subcommands.Add(LedgerCommands.Create(io));
        root.Subcommands.Add(ScanCommand.Create(io));
        root.Subcommands.Add(IocCommands.Create(io));
        root.Subcommands.Add(WitnessCommands.Create(io));
        root.Subcommands.Add(ComplianceCommand.Create(io));
        root.Subcommands.Add(DeadlinesCommand.Create(io));
        root.Subcommands.Add(AffectedCommand.Create(io));
        root.Subcommands.Add(DbCommands.Create(io));
        root.Subcommands.Add(CompletionCommand.Create(io));
        return root;
    }
}
