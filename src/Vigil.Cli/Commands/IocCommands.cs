using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Indicators.Patterns;

namespace Vigil.Cli.Commands;

/// <summary>`vigil ioc convert`: between the mobile indicator sets' pattern dialect and spec-valid STIX 2.1.</summary>
public static class IocCommands
{
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliOutput io)
    {
        var to = new Option<string>("--to")
        {
            Description = "'stix' (the default): from the MVT dialect to spec-valid STIX 2.1; 'mvt': back.",
            DefaultValueFactory = _ => "stix",
        };
        to.AcceptOnlyFromAmong("stix", "mvt");
        var file = new Argument<FileInfo>("BUNDLE") { Description = "A STIX 2.1 bundle (JSON)." };
        var convert = new Command("convert", "Rewrite the patterns of a bundle's indicators; everything else is kept as it is. Writes the bundle to standard output.\nExample: vigil ioc convert --to stix pegasus.stix2")
        {
            to, file,
        };
        convert.SetAction((parsed, cancellationToken) => ConvertAsync(io, parsed.GetValue(file)!, parsed.GetValue(to) == "mvt", cancellationToken));
        var ioc = new Command("ioc", "Work with indicator files.");
        ioc.Subcommands.Add(convert);
        return ioc;
    }

    private static async Task<int> ConvertAsync(CliOutput io, FileInfo file, bool toMvt, CancellationToken cancellationToken)
    {
        JsonNode? bundle;
        try
        {
            await using var stream = file.OpenRead();
            bundle = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await io.Error.WriteLineAsync($"Cannot read {file.FullName}: {e.Message}");
            return ExitCodes.LocalFile;
        }
        catch (JsonException e)
        {
            await io.Error.WriteLineAsync($"{file.FullName} is not JSON: {e.Message}");
            return ExitCodes.Rejected;
        }
        if (bundle is not JsonObject { } root || root["type"]?.GetValueKind() != JsonValueKind.String || (string?)root["type"] != "bundle"
            || root["objects"] is not JsonArray objects)
        {
            await io.Error.WriteLineAsync($"{file.FullName} is not a STIX bundle (a JSON object with \"type\": \"bundle\" and \"objects\").");
            return ExitCodes.Rejected;
        }
        var (converted, failed) = await ConvertPatternsAsync(objects, toMvt, io.Error);
        await io.Out.WriteLineAsync(root.ToJsonString(Output));
        await io.Error.WriteLineAsync($"Converted {converted} indicator patterns to {(toMvt ? "the MVT dialect" : "STIX 2.1")}; {failed} could not be parsed and were left as they were.");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
    }

    private static async Task<(int Converted, int Failed)> ConvertPatternsAsync(JsonArray objects, bool toMvt, TextWriter error)
    {
        int converted = 0, failed = 0;
        foreach (var indicator in objects.OfType<JsonObject>().Where(IsStixIndicator))
        {
            var pattern = (string)indicator["pattern"]!;
            try
            {
                var rewritten = toMvt ? MvtDialect.ToMvt(pattern) : MvtDialect.ToStix(pattern);
                if (rewritten == pattern) { continue; }
                indicator["pattern"] = rewritten;
                converted++;
            }
            catch (PatternSyntaxException e)
            {
                failed++;
                await error.WriteLineAsync($"{indicator["id"]}: {e.Message}");
            }
        }
        return (converted, failed);
    }

    private static bool IsStixIndicator(JsonObject o) =>
        o["type"]?.GetValueKind() == JsonValueKind.String && (string?)o["type"] == "indicator"
        && o["pattern"]?.GetValueKind() == JsonValueKind.String
        && (o["pattern_type"] is null || (o["pattern_type"]!.GetValueKind() == JsonValueKind.String && (string?)o["pattern_type"] == "stix"));
}
