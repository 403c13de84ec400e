using System.Diagnostics;
using System.Text.Json.Nodes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>
/// The official CSAF validator, npm @secvisogram/csaf-validator-lib 2.0.10 (schema and all mandatory tests), run by
/// CsafValidator/validate-csaf.mjs over many documents in one node process: loading it takes about 20 seconds.
/// `npm ci` in tests/Vigil.Server.Tests/CsafValidator installs it (.ci/run does).
/// </summary>
public static class OfficialCsafValidator
{
    public sealed record Result(bool IsValid, int TestsRun, IReadOnlyList<string> Failures);

    private static readonly string Folder = RepositoryPaths.File("tests", "Vigil.Server.Tests", "CsafValidator");

    public static async Task<IReadOnlyList<Result>> ValidateAsync(IReadOnlyList<JsonNode> documents)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "@secvisogram", "csaf-validator-lib")),
            $"The CSAF validator is not installed: run `npm ci` in {Folder}");
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(input, new JsonArray([.. documents.Select(d => d.DeepClone())]).ToJsonString());
            var start = new ProcessStartInfo("node", [Path.Combine(Folder, "validate-csaf.mjs"), input])
            {
                WorkingDirectory = Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"the validator failed: {await error}");
            return [.. JsonNode.Parse(await output)!.AsArray().Select(r => new Result(
                r!["isValid"]!.GetValue<bool>(),
                r["testsRun"]!.GetValue<int>(),
                [.. r["failures"]!.AsArray().Select(f => $"{f!["test"]} {f["instancePath"]}: {f["message"]}")]))];
        }
        finally
        {
            File.Delete(input);
        }
    }
}
