using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil deadlines --regime ID [--noticed T] [--occurred T] [--classified T] [--materiality T] [--paid T] [--json]`:
/// a deadline calculator for a compliance officer, offline: it reads the regimes directory, never a server. Exit 0;
/// 1 for a regime that is not there; 2 for a time that is not ISO 8601 with an offset; 4 when the regimes cannot be read.
/// </summary>
public static class DeadlinesCommand
{
    private static readonly (string Option, string Event)[] EventOptions =
    [
        ("--noticed", ClockEvents.Noticed),
        ("--occurred", ClockEvents.Occurred),
        ("--classified", ClockEvents.ClassifiedMajor),
        ("--materiality", ClockEvents.MaterialityDetermined),
        ("--paid", ClockEvents.RansomPaid),
        ("--fix-available", ClockEvents.FixAvailable),
        ("--new-information", ClockEvents.NewInformation),
    ];

    public static Command Create(CliOutput io)
    {
        var regime = new Option<string>("--regime") { Description = "The regime's id, e.g. in-cert-in-2022.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {\"regime\", \"stages\": [{\"stage\", \"due\", \"basis\"}]}." };
        var directory = new Option<string?>("--regimes") { Description = "The regimes directory (default: ./regimes, else the copy shipped with vigil)." };
        var events = EventOptions.Select(e => (e.Event, Option: new Option<string?>(e.Option)
        {
            Description = $"When '{e.Event}' happened, ISO 8601 with an offset (e.g. {Iso8601.Example}).",
        })).ToList();
        var command = new Command("deadlines", "When each stage of a regime is due, from the times you give; works offline.\nExample: vigil deadlines --regime in-cert-in-2022 --noticed 2026-11-29T09:00:00+05:30") { regime, json, directory };
        events.ForEach(e => command.Options.Add(e.Option));

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var given = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var (name, option) in events)
            {
                if (parsed.GetValue(option) is not { } text)
                {
                    continue;
                }
                if (!Iso8601.TryParse(text, out var at))
                {
                    await io.Error.WriteLineAsync($"{option.Name}: '{text}' is not an ISO 8601 date-time with seconds and an offset, such as {Iso8601.Example}");
                    return ExitCodes.Usage;
                }
                given[name] = at;
            }
            RegimeCatalog catalog;
            try
            {
                catalog = Regimes(parsed.GetValue(directory));
            }
            catch (Exception e) when (e is RegimeFileException or IOException or UnauthorizedAccessException)
            {
                await io.Error.WriteLineAsync($"Cannot read the regimes: {e.Message}");
                return ExitCodes.LocalFile;
            }
            if (!catalog.TryGet(parsed.GetValue(regime)!, out var chosen))
            {
                await io.Error.WriteLineAsync($"No regime '{parsed.GetValue(regime)}'; there are: {string.Join(", ", catalog.All.Select(r => r.Id).Order(StringComparer.Ordinal))}");
                return ExitCodes.Rejected;
            }
            var sheet = DeadlineCalculator.Calculate(chosen, given);
            await io.Out.WriteLineAsync(parsed.GetValue(json) ? Json(sheet) : Text(sheet));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The regimes directory given, else ./regimes or the copy beside the binaries, else the copy built into vigil: a
    /// single-file build has nothing beside it.
    /// </summary>
    private static RegimeCatalog Regimes(string? given)
    {
        var directory = RegimeDirectory.Resolve(given, Environment.CurrentDirectory);
        if (given is not null || Directory.Exists(directory))
        {
            return RegimeDirectory.Load(directory);
        }
        var assembly = typeof(DeadlinesCommand).Assembly;
        return RegimeCatalog.Load(assembly.GetManifestResourceNames().Where(name => name.StartsWith("regimes/", StringComparison.Ordinal)).Select(name =>
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            return (name["regimes/".Length..], reader.ReadToEnd());
        }).ToList());
    }

    /// <summary>The shape the issue fixes: each stage's name, its due time with offset (or null), why, and what it waits for.</summary>
    public static string Json(DeadlineSheet sheet)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("regime", sheet.RegimeId);
            writer.WriteStartArray("stages");
            foreach (var stage in sheet.Stages)
            {
                writer.WriteStartObject();
                writer.WriteString("stage", stage.StageName);
                if (stage.Due is { } due)
                {
                    writer.WriteString("due", Format(due));
                }
                else
                {
                    writer.WriteNull("due");
                }
                writer.WriteString("basis", stage.Basis);
                if (stage.WaitsFor is { } waitsFor)
                {
                    writer.WriteString("waits_for", waitsFor);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Text(DeadlineSheet sheet) =>
        $"{sheet.RegimeName} ({sheet.RegimeId}); times in {sheet.TimeZoneId}\n" + string.Join("\n", sheet.Stages.Select(s =>
            $"  {s.StageName}: " + (s.Due is { } due ? $"due {Format(due)}\n    {s.Basis}" : $"no due time yet\n    {s.Basis}")));

    private static string Format(DateTimeOffset due) => due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
