using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Witnessing;

namespace Vigil.Ledger.Tests.Witnessing;

public class AddCheckpointRequestTests
{
    private static SignedNote Signed(long size)
    {
        using var key = Ed25519NoteSigner.FromSeed("example.com/log", new byte[32]);
        return new Checkpoint("example.com/log", size, new byte[32]).Sign(key);
    }

    [Fact]
    public void A_request_is_the_old_size_line_the_proof_lines_a_blank_line_and_the_checkpoint()
    {
        var request = new AddCheckpointRequest(3, [new byte[32], Enumerable.Repeat((byte)1, 32).ToArray()], Signed(5));
        var text = request.ToString();
        Assert.StartsWith("old 3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n\nexample.com/log\n5\n", text, StringComparison.Ordinal);
        var parsed = AddCheckpointRequest.Parse(text);
        Assert.Equal(3, parsed.OldSize);
        Assert.Equal(request.Proof, parsed.Proof);
        Assert.Equal(5, parsed.Claimed.Size);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("old 01\n")]
    [InlineData("old -1\n")]
    [InlineData("older 1\n")]
    [InlineData("old 1\nnot-base64\n")]
    [InlineData("old 1\nAAAA\n")]
    public void Malformed_heads_are_refused(string head) =>
        Assert.Throws<FormatException>(() => AddCheckpointRequest.Parse(head + "\n" + Signed(5)));

    [Fact]
    public void More_than_63_proof_lines_are_refused()
    {
        var proof = Enumerable.Range(0, 64).Select(_ => new byte[32]).ToList();
        Assert.Throws<FormatException>(() => AddCheckpointRequest.Parse(new AddCheckpointRequest(1, proof, Signed(5)).ToString()));
    }

    [Fact]
    public void A_request_without_a_checkpoint_is_refused() =>
        Assert.Throws<FormatException>(() => AddCheckpointRequest.Parse("old 0\n\n"));

    [Theory]
    [InlineData("7\n", true, 7)]
    [InlineData("0\n", true, 0)]
    [InlineData("07\n", false, 0)]
    [InlineData("7", false, 0)]
    public void The_409_size_body_is_a_canonical_decimal_and_a_newline(string body, bool valid, long size)
    {
        Assert.Equal(valid, WitnessProtocol.TryParseSize(body, out var parsed));
        Assert.Equal(size, parsed);
        if (valid)
        {
            Assert.Equal(body, WitnessProtocol.FormatSize(size));
        }
    }
}
