using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Tests.Interop;

/// <summary>
/// A receipt made by Vigil.Ledger (signed checkpoint, witness cosignature, inclusion proof) is checked by an
/// independent verifier written in JavaScript with Node's built-in Ed25519, so the format is the standard one
/// and not merely self-consistent. Node.js must be on PATH.
/// </summary>
public class NodeInteropTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "interop", "verify-tlog-proof.mjs");

    [Fact]
    public async Task Receipt_signed_and_cosigned_by_Vigil_verifies_in_node()
    {
        var (proof, leafHash, verifierKeys) = await MakeReceipt();
        var (exitCode, output, error) = await RunNode(proof.ToString(), leafHash, verifierKeys);
        Assert.True(exitCode == 0, $"node rejected the receipt: {error}");
        using var result = JsonDocument.Parse(output);
        Assert.Equal("vigil.example/ledger", result.RootElement.GetProperty("origin").GetString());
        Assert.Equal("11", result.RootElement.GetProperty("size").GetString());
        Assert.Equal(["vigil.example/ledger", "ministry.example/witness"], result.RootElement.GetProperty("verified").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Node_rejects_a_receipt_whose_checkpoint_was_altered()
    {
        var (proof, leafHash, verifierKeys) = await MakeReceipt();
        var altered = proof.ToString().Replace("\n11\n", "\n12\n", StringComparison.Ordinal);
        var (exitCode, _, error) = await RunNode(altered, leafHash, verifierKeys);
        Assert.Equal(1, exitCode);
        Assert.Contains("invalid signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_rejects_a_receipt_for_another_leaf()
    {
        var (proof, _, verifierKeys) = await MakeReceipt();
        var (exitCode, _, error) = await RunNode(proof.ToString(), MerkleHash.HashLeaf("other"u8), verifierKeys);
        Assert.Equal(1, exitCode);
        Assert.Contains("does not match", error, StringComparison.Ordinal);
    }

    private static async Task<(TlogProof Proof, byte[] LeafHash, string[] VerifierKeys)> MakeReceipt()
    {
        var store = new InMemoryHashStore();
        for (var i = 0; i < 11; i++)
        {
            store.AppendLeaf([(byte)i, 0x2A]);
        }

        using var log = Ed25519NoteSigner.Generate("vigil.example/ledger");
        using var witness = Ed25519CosignatureSigner.Generate("ministry.example/witness", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000)));
        var checkpoint = new Checkpoint("vigil.example/ledger", store.Size, store.Root()).Sign(log, witness);
        var inclusion = await InclusionProof.CreateAsync(store, 6, store.Size);
        var proof = TlogProof.Create(inclusion, checkpoint, extra: [1, 2, 3]);
        return (proof, MerkleHash.HashLeaf([6, 0x2A]), [log.VerifierKey, witness.VerifierKey]);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunNode(string tlogProof, byte[] leafHash, string[] verifierKeys)
    {
        Assert.True(File.Exists(Script), $"Interop script missing: {Script}");
        var start = new ProcessStartInfo("node", [Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js ('node' on PATH) is required for the signed-note interop test and was not found: {e.Message}");
            throw;
        }

        using (process)
        {
            var input = JsonSerializer.Serialize(new { verifierKeys, tlogProof, leafHash = Convert.ToBase64String(leafHash) });
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}
