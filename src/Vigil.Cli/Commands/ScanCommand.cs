using System.CommandLine;
using Vigil.Indicators;
using Vigil.Indicators.Artefacts;
using Vigil.Indicators.Matching;
using Vigil.Indicators.Stix;

namespace Vigil.Cli.Commands;

/// <summary>`vigil scan`: look for published indicators in one's own artefacts, offline.</summary>
public static class ScanCommand
{
    /// <summary>Exit code when the scan found at least one indicator; docs/scan.md lists it.</summary>
    public const int Hits = 1;

    public static Command Create(CliOutput io)
    {
        var iocs = new Option<string[]>("--iocs")
        {
            Description = "A STIX 2.1 bundle, or a folder of them (*.json, *.stix2); repeat for several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per hit, one per line (see docs/scan.md)." };
        var threads = new Option<int>("--threads")
        {
            Description = "How many threads read at once: files in parallel, a large text file in parts (default: one per core; 1 keeps hits in reading order).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) { result.AddError("--threads must be at least 1."); }
        });
        var paths = new Argument<string[]>("PATH") { Description = "Files and folders to scan.", Arity = ArgumentArity.OneOrMore };
        paths.Validators.Add(result =>
        {
            foreach (var missing in result.GetValueOrDefault<string[]>().Where(p => !File.Exists(p) && !Directory.Exists(p)))
            {
                result.AddError($"{missing}: no such file or folder.");
            }
        });
        var scan = new Command("scan", "Scan files, folders, iOS backups and Android bugreports for indicators of compromise.\nExample: vigil scan --iocs pegasus.stix2 ./backup") { iocs, json, threads, paths };
        scan.SetAction((parsed, cancellationToken) => RunAsync(io, parsed.GetValue(iocs)!, parsed.GetValue(paths)!, parsed.GetValue(json),
            parsed.GetValue(threads), cancellationToken));
        return scan;
    }

    private static async Task<int> RunAsync(CliOutput io, string[] iocs, string[] paths, bool json, int threads, CancellationToken cancellationToken)
    {
        IndicatorCatalog catalog;
        try
        {
            catalog = IndicatorCatalog.Load(iocs);
        }
        catch (Exception e) when (e is StixFormatException or IOException or UnauthorizedAccessException)
        {
            await io.Error.WriteLineAsync($"Cannot read the indicators: {e.Message}");
            return ExitCodes.LocalFile;
        }
        foreach (var unsupported in catalog.Unsupported)
        {
            await io.Error.WriteLineAsync($"warning: {unsupported.Id} cannot be matched in full: {string.Join("; ", unsupported.Problems)}");
        }
        var printer = new ScanHitPrinter(json ? null : io.Out, json ? io.Out : null);
        using var progress = ScanProgress.StartIfTerminal(io.Error, paths);
        var options = new ScanOptions { MaxDegreeOfParallelism = threads, FileRead = progress is null ? null : new Action<string>(progress.FileRead) };
        var summary = new ArtefactScanner(catalog, options).Scan(paths, hit =>
        {
            progress?.Hit();
            printer.Print(hit);
        }, cancellationToken);
        progress?.Dispose();
        await printer.FlushAsync();
        foreach (var error in summary.Errors)
        {
            await io.Error.WriteLineAsync($"could not read {error}");
        }
        // With --json, standard output holds hits only; the summary goes with the other messages.
        await (json ? io.Error : io.Out).WriteLineAsync(ScanHitPrinter.Summary(catalog, summary, printer.IndicatorsFound));
        return summary.Hits > 0 ? Hits : summary.Errors.Count > 0 ? ExitCodes.LocalFile : ExitCodes.Ok;
    }
}
