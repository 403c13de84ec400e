using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

public sealed class NoteCommandTests(RunningServer server) : IClassFixture<RunningServer>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-note-cli-").FullName;

    [Fact]
    public async Task An_analyst_writes_publishes_revises_and_withdraws_a_note_from_the_command_line()
    {
        var analyst = await Seed.UserAsync(server.Services, Roles.Analyst);
        string[] connection = ["--server", server.Address.ToString(), "--token", analyst.Token];
        var note = NoteSamples.Cve20193568();
        var file = Path.Combine(_files, "note.json");
        await File.WriteAllTextAsync(file, note.ToJsonString());

        var created = await CliRun.InProcessAsync(["note", "create", file, "--json", .. connection]);
        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());
        var id = JsonNode.Parse(created.Out)!["id"]!.GetValue<string>();

        var published = await CliRun.InProcessAsync(["note", "publish", id, .. connection]);
        Assert.True(published.ExitCode == ExitCodes.Ok, published.ToString());
        Assert.Contains("[published]  version 1.0.0", published.Out, StringComparison.Ordinal);
        Assert.Contains("CVSS 3.1: 9.8 CRITICAL", published.Out, StringComparison.Ordinal);
        Assert.Contains("as leaf ", published.Out, StringComparison.Ordinal);

        note["countermeasures"] = "Update to the fixed versions now; the vendor also deployed a server-side fix.";
        await File.WriteAllTextAsync(file, note.ToJsonString());
        var revised = await CliRun.InProcessAsync(["note", "revise", id, file, "--summary", "Mentioned the server-side fix.", .. connection]);
        Assert.True(revised.ExitCode == ExitCodes.Ok, revised.ToString());
        Assert.Contains("version 1.1.0", revised.Out, StringComparison.Ordinal);

        var withdrawn = await CliRun.InProcessAsync(["note", "withdraw", id, "--reason", "Superseded by the vendor's advisory.", .. connection]);
        Assert.True(withdrawn.ExitCode == ExitCodes.Ok, withdrawn.ToString());

        var history = await CliRun.InProcessAsync(["note", "show", id, "--history", .. connection]);
        Assert.Contains("#1 note-publication 1.0.0", history.Out, StringComparison.Ordinal);
        Assert.Contains("Mentioned the server-side fix.", history.Out, StringComparison.Ordinal);
        Assert.Contains("Withdrawn: Superseded by the vendor's advisory.", history.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_note_exits_1_naming_the_metric_and_the_field()
    {
        var analyst = await Seed.UserAsync(server.Services, Roles.Analyst);
        var note = NoteSamples.Cve20193568();
        note["cvss"] = new JsonArray("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        var file = Path.Combine(_files, "bad.json");
        await File.WriteAllTextAsync(file, note.ToJsonString());
        var run = await CliRun.InProcessAsync("note", "create", file, "--server", server.Address.ToString(), "--token", analyst.Token);
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("/cvss/0:", run.Error, StringComparison.Ordinal);
        Assert.Contains("AV", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
