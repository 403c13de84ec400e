using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>`vigil verify` on a real receipt: what it says it proved, and the forms of receipt it reads.</summary>
public sealed class VerifyCommandTests(VigilFactory factory) : IClassFixture<VigilFactory>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-verify-cli-").FullName;

    private async Task<(JsonNode Answer, string Body, string Key)> FileAsync()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var body = Api.Report("verified from the command line");
        var answer = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", body)).JsonAsync();
        return (answer, body, (await factory.CreateClient().GetStringAsync("/ledger/key")).Split('\n')[0]);
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_files, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>
    /// Issue 14, transparency log, second point: without --content the receipt's time, kind, sequence and incident are
    /// only what the receipt states; they were printed under "OK" as if proved. Now only the proved is printed, and one
    /// line says what was not.
    /// </summary>
    [Fact]
    public async Task Without_content_only_what_was_proved_is_printed_and_one_line_says_what_was_not()
    {
        var (answer, _, key) = await FileAsync();
        var receipt = answer["receipt"]!;
        var run = await CliRun.InProcessAsync("verify", await WriteAsync("receipt.json", receipt.ToJsonString()), "--key", key);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"OK: Leaf {receipt["leaf_index"]} of vigil.local/ledger (tree size ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Not proved: the content, and so the kind, sequence, incident and time the receipt states", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(receipt["received_at"]!.GetValue<string>(), run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt["incident_id"]!.GetValue<string>(), run.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 14, transparency log, third point: the whole answer of a submission (the object holding `receipt`, as the
    /// API returns it) was refused as "not a vigil-receipt/v1 receipt"; it verifies as the receipt it holds.
    /// </summary>
    [Fact]
    public async Task The_whole_answer_of_a_submission_verifies_as_the_receipt_it_holds()
    {
        var (answer, body, key) = await FileAsync();
        var answerFile = await WriteAsync("answer.json", answer.ToJsonString(new() { WriteIndented = true }));
        var content = await WriteAsync("report.json", body);

        var run = await CliRun.InProcessAsync("verify", answerFile, "--key", key, "--content", content);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains($"report #1 of incident {answer["incident"]!["id"]}", run.Out, StringComparison.Ordinal);
        Assert.Contains("The content given is exactly what was committed.", run.Out, StringComparison.Ordinal);

        // Still checked, not waved through: the answer's receipt with another leaf hash fails.
        answer["receipt"]!["leaf_hash"] = Convert.ToBase64String(new byte[32]);
        var forged = await CliRun.InProcessAsync("verify", await WriteAsync("forged.json", answer.ToJsonString()), "--key", key);
        Assert.Equal(ExitCodes.Rejected, forged.ExitCode);
        Assert.StartsWith("FAILED: The inclusion proof does not lead from leaf", forged.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
