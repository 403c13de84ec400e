using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Vigil.Ledger;

namespace Vigil.Bench;

/// <summary>
/// The machine's SHA-256 throughput: the ceiling for anything the log does, since every leaf costs one leaf hash and
/// (on average) one node hash.
/// </summary>
[Config(typeof(Config))]
public class Sha256Benchmarks
{
    private readonly byte[] _input64 = RandomNumberGenerator.GetBytes(64);
    private readonly byte[] _input1024 = RandomNumberGenerator.GetBytes(1024);
    private readonly byte[] _left = RandomNumberGenerator.GetBytes(MerkleHash.Size);
    private readonly byte[] _right = RandomNumberGenerator.GetBytes(MerkleHash.Size);
    private readonly byte[] _digest = new byte[MerkleHash.Size];

    [Benchmark]
    [Arguments(64)]
    [Arguments(1024)]
    public int HashInput(int inputBytes) => SHA256.HashData(inputBytes == 64 ? _input64 : _input1024, _digest);

    /// <summary>RFC 9162 node hash, SHA-256(0x01 || left || right): 65 bytes hashed.</summary>
    [Benchmark]
    public void HashNode() => MerkleHash.HashChildren(_left, _right, _digest);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.MediumRun);
            AddColumn(new RateColumn("hashes/s", _ => 1));
            AddColumn(new RateColumn("MB/s", BytesHashed, 1e6));
        }

        private static double BytesHashed(BenchmarkDotNet.Running.BenchmarkCase c) =>
            c.Descriptor.WorkloadMethod.Name == nameof(HashNode) ? 1 + (2 * MerkleHash.Size) : RateColumn.Parameter(c, "inputBytes");
    }
}
