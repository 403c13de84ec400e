using System.Text.Json;

namespace Vigil.Ledger.Tests.Merkle;

/// <summary>The 98 + 98 transparency-dev verifier probes, each with its expected outcome.</summary>
public class VerifierProbeTests
{
    private static readonly JsonElement Probes = TlogVectors.Load("merkle-verifier-probes.json");

    public static TheoryData<string, string, bool> InclusionProbes() => Cases("inclusion");

    public static TheoryData<string, string, bool> ConsistencyProbes() => Cases("consistency");

    [Fact]
    public void There_are_98_probes_of_each_kind()
    {
        Assert.Equal(98, Probes.GetProperty("inclusion").GetArrayLength());
        Assert.Equal(98, Probes.GetProperty("consistency").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(InclusionProbes))]
    public void Inclusion_probe_has_the_expected_outcome(string file, string description, bool wantErr)
    {
        var probe = Find("inclusion", file, description);
        var proof = new InclusionProof(Number(probe, "leafIdx"), Number(probe, "treeSize"), Hashes(probe));
        Assert.Equal(!wantErr, proof.IsValid(Bytes(probe, "leafHash"), Bytes(probe, "root")));
    }

    [Theory]
    [MemberData(nameof(ConsistencyProbes))]
    public void Consistency_probe_has_the_expected_outcome(string file, string description, bool wantErr)
    {
        var probe = Find("consistency", file, description);
        var proof = new ConsistencyProof(Number(probe, "size1"), Number(probe, "size2"), Hashes(probe));
        Assert.Equal(!wantErr, proof.IsValid(Bytes(probe, "root1"), Bytes(probe, "root2")));
    }

    private static TheoryData<string, string, bool> Cases(string kind)
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var probe in Probes.GetProperty(kind).EnumerateArray())
        {
            data.Add(probe.Text("file"), probe.Text("desc"), probe.GetProperty("wantErr").GetBoolean());
        }

        return data;
    }

    private static JsonElement Find(string kind, string file, string description) =>
        Probes.GetProperty(kind).EnumerateArray().Single(p => p.Text("file") == file && p.Text("desc") == description);

    /// <summary>
    /// Sizes and indices are uint64 in the source; this library uses long. A value beyond long's range (the
    /// probes' 2^64 - 1, rounded in JSON) is passed as -1, what the unsigned value is as a signed one, so the
    /// verifier still has to reject it.
    /// </summary>
    private static long Number(JsonElement probe, string property) =>
        probe.GetProperty(property).TryGetInt64(out var value) ? value : -1;

    private static byte[] Bytes(JsonElement probe, string property) =>
        probe.GetProperty(property).ValueKind == JsonValueKind.Null ? [] : probe.GetProperty(property).Base64();

    private static byte[][] Hashes(JsonElement probe) =>
        probe.GetProperty("proof").ValueKind == JsonValueKind.Null ? [] : [.. probe.GetProperty("proof").EnumerateArray().Select(p => p.Base64())];
}
