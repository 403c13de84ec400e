using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>A receipt from a real server, checked by other programs holding only the log's public key.</summary>
public sealed class ReceiptOfflineTests(RunningServer server) : IClassFixture<RunningServer>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-receipt-").FullName;

    private async Task<(JsonNode Answer, string Body, string Key)> SubmitAsync()
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporter.Token);
        var body = Api.Report("checked offline", "\"affected_users\": {\"total\": 1400, \"as_of\": \"2026-11-29T10:00:00+05:30\"}");
        var answer = await (await client.PostJsonAsync("/api/v1/incidents", body)).JsonAsync();
        var key = (await client.GetStringAsync("/ledger/key")).Split('\n')[0];
        return (answer, body, key);
    }

    [Fact]
    public async Task Vigil_verify_in_another_process_accepts_the_receipt_and_refuses_content_one_character_off()
    {
        var (answer, body, key) = await SubmitAsync();
        var receipt = Path.Combine(_files, "receipt.json");
        var content = Path.Combine(_files, "report.json");
        var altered = Path.Combine(_files, "altered.json");
        await File.WriteAllTextAsync(receipt, answer["receipt"]!.ToJsonString());
        await File.WriteAllTextAsync(content, body);
        await File.WriteAllTextAsync(altered, body.Replace("1400", "1401", StringComparison.Ordinal));

        var ok = await CliRun.ProcessAsync(null, "verify", receipt, "--key", key, "--content", content);
        Assert.True(ok.ExitCode == ExitCodes.Ok, ok.ToString());
        Assert.Contains("The content given is exactly what was committed", ok.Out, StringComparison.Ordinal);

        var refused = await CliRun.ProcessAsync(null, "verify", receipt, "--key", key, "--content", altered);
        Assert.Equal(ExitCodes.Rejected, refused.ExitCode);
        Assert.Contains("FAILED: The content is not what was committed", refused.Error, StringComparison.Ordinal);

        var tamperedReceipt = Path.Combine(_files, "tampered.json");
        var forged = answer["receipt"]!.DeepClone();
        forged["leaf_hash"] = Convert.ToBase64String(new byte[32]);
        await File.WriteAllTextAsync(tamperedReceipt, forged.ToJsonString());
        var forgedRun = await CliRun.InProcessAsync("verify", tamperedReceipt, "--key", key);
        Assert.Equal(ExitCodes.Rejected, forgedRun.ExitCode);
    }

    [Fact]
    public async Task An_independent_verifier_in_nodejs_accepts_the_servers_checkpoint_and_proof()
    {
        var (answer, _, key) = await SubmitAsync();
        var receipt = answer["receipt"]!;
        var script = RepositoryPaths.File("tests", "Vigil.Ledger.Tests", "interop", "verify-tlog-proof.mjs");
        var start = new ProcessStartInfo("node", [script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new
        {
            verifierKeys = new[] { key },
            tlogProof = receipt["proof"]!.GetValue<string>(),
            leafHash = receipt["leaf_hash"]!.GetValue<string>(),
        }));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"node refused the server's receipt: {error}");
        var result = JsonNode.Parse(output)!;
        Assert.Equal("vigil.local/ledger", result["origin"]!.GetValue<string>());
        Assert.Contains("vigil.local/ledger", result["verified"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
