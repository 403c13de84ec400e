using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Cvss;

namespace Vigil.Cli.Commands;

/// <summary>`vigil cvss VECTOR [--json]`: scores a CVSS v3.1 or v4.0 vector offline, or names the metric that is wrong.</summary>
public static class CvssCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = false };

    public static Command Create(CliOutput io)
    {
        var vector = new Argument<string>("VECTOR") { Description = "A CVSS vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H." };
        var json = new Option<bool>("--json") { Description = "Print the evaluation as JSON." };
        var command = new Command("cvss", "Score a CVSS v3.1 or v4.0 vector (FIRST's specifications).\nExample: vigil cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") { vector, json };
        command.SetAction(async parsed =>
        {
            var result = CvssCalculator.Evaluate(parsed.GetValue(vector));
            if (result.Error is { } error)
            {
                if (parsed.GetValue(json))
                {
                    await io.Out.WriteLineAsync(JsonSerializer.Serialize(new { error = new { metric = error.Metric, message = error.Message } }, Json));
                }
                await io.Error.WriteLineAsync($"Invalid vector: {error.Metric}: {error.Message}");
                return ExitCodes.Rejected;
            }
            var evaluation = result.Value!;
            if (parsed.GetValue(json))
            {
                await io.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    version = evaluation.Version,
                    vector = evaluation.Vector,
                    score = evaluation.Score,
                    severity = evaluation.Severity.ToCsafName(),
                    temporal_score = evaluation.TemporalScore,
                    environmental_score = evaluation.EnvironmentalScore,
                    nomenclature = evaluation.Nomenclature,
                }, Json));
                return ExitCodes.Ok;
            }
            await io.Out.WriteLineAsync($"{evaluation.Vector}");
            await io.Out.WriteLineAsync($"  score    {Format(evaluation.Score)} {evaluation.Severity.ToCsafName()}{(evaluation.Nomenclature is { } n ? $" ({n})" : "")}");
            if (evaluation.TemporalScore is { } temporal)
            {
                await io.Out.WriteLineAsync($"  temporal {Format(temporal)} {CvssSeverityScale.Rate(temporal).ToCsafName()}");
            }
            if (evaluation.EnvironmentalScore is { } environmental)
            {
                await io.Out.WriteLineAsync($"  environmental {Format(environmental)} {CvssSeverityScale.Rate(environmental).ToCsafName()}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
