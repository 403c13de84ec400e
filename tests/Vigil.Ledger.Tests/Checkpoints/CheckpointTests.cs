using Vigil.Ledger.Checkpoints;

namespace Vigil.Ledger.Tests.Checkpoints;

public class CheckpointTests
{
    private const string Root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

    [Fact]
    public void Extension_lines_round_trip()
    {
        var text = $"example.com/log\n8\n{Root}\nfirst extension\nsecond\n";
        var checkpoint = Checkpoint.Parse(text);
        Assert.Equal(["first extension", "second"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.ToText());
    }

    [Fact]
    public void Empty_tree_checkpoint_has_size_zero()
    {
        var checkpoint = new Checkpoint("example.com/log", 0, MerkleHash.EmptyTreeRoot);
        Assert.Equal("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", checkpoint.ToText());
        Assert.Equal(0, Checkpoint.Parse(checkpoint.ToText()).Size);
    }

    [Theory]
    [InlineData($"example.com/log\n8\n{Root}")]
    [InlineData($"\n8\n{Root}\n")]
    [InlineData($"example.com/log\n08\n{Root}\n")]
    [InlineData($"example.com/log\n+8\n{Root}\n")]
    [InlineData($"example.com/log\n 8\n{Root}\n")]
    [InlineData($"example.com/log\n99999999999999999999\n{Root}\n")]
    [InlineData("example.com/log\n8\nAAAA\n")]
    [InlineData($"example.com/log\n8\n {Root}\n")]
    [InlineData($"example.com/log\n8\n{Root}\n\n")]
    [InlineData("example.com/log\n8\n")]
    public void Malformed_checkpoint_text_is_rejected(string text)
    {
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text));
    }
}
