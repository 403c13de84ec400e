using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

public sealed class AffectedCommandTests(RunningServer server) : IClassFixture<RunningServer>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-affected-cli-").FullName;

    [Fact]
    public async Task Affected_prints_the_note_the_component_the_method_and_the_remediation()
    {
        using var analyst = new HttpClient { BaseAddress = server.Address };
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", (await Seed.UserAsync(server.Services, Roles.Analyst)).Token);
        var id = await AffectedSamples.PublishAsync(analyst, AffectedSamples.Note2019WithPurl());
        var vulnerable = await WriteAsync("vulnerable.json", AffectedSamples.Sbom("1.6"));
        var patched = await WriteAsync("patched.json", AffectedSamples.Sbom("1.6", "2.19.134"));

        var run = await CliRun.InProcessAsync("affected", vulnerable, "--server", server.Address.ToString());
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains($"{id}  WhatsApp VoIP stack buffer overflow (CVE-2019-3568)", run.Out, StringComparison.Ordinal);
        Assert.Contains("[purl, version-in-range] (/metadata/component/components/0) whatsapp-android 2.19.100: its package URL is the package of WhatsApp WhatsApp for Android; "
            + "version 2.19.100 lies in vers:semver/<2.19.134, which the document lists as affected. Fixed in 2.19.134.",
            run.Out, StringComparison.Ordinal);
        Assert.Contains("Countermeasures: Upgrade WhatsApp to the latest version", run.Out, StringComparison.Ordinal);

        var failing = await CliRun.InProcessAsync("affected", vulnerable, "--fail-if-affected", "--json", "--server", server.Address.ToString());
        Assert.Equal(ExitCodes.Rejected, failing.ExitCode);
        Assert.Contains(JsonNode.Parse(failing.Out)!["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == id);

        var clean = await CliRun.InProcessAsync("affected", patched, "--fail-if-affected", "--server", server.Address.ToString());
        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.ToString());
        Assert.DoesNotContain(id, clean.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_SBOM_exits_1_naming_the_field_and_a_missing_file_exits_4()
    {
        var bad = await WriteAsync("bad.json", """{"bomFormat": "CycloneDX", "specVersion": "1.2", "components": []}""");

        var run = await CliRun.InProcessAsync("affected", bad, "--server", server.Address.ToString());
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("/specVersion", run.Error, StringComparison.Ordinal);

        var missing = await CliRun.InProcessAsync("affected", Path.Combine(_files, "none.json"), "--server", server.Address.ToString());
        Assert.Equal(ExitCodes.LocalFile, missing.ExitCode);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_files, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
