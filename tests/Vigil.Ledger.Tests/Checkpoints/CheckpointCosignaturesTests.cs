using Microsoft.Extensions.Time.Testing;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Tests.Checkpoints;

/// <summary>Which witnesses cosigned a checkpoint, for `vigil verify --witness-key` and `vigil receipt refresh`.</summary>
public sealed class CheckpointCosignaturesTests
{
    private static readonly DateTimeOffset CosignedAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void A_cosignature_is_found_with_its_time_a_missing_one_is_absent_and_an_altered_one_is_invalid()
    {
        using var log = Ed25519NoteSigner.Generate("cert.example/vigil");
        using var witness = Ed25519CosignatureSigner.Generate("witness.example/w1", new FakeTimeProvider(CosignedAt));
        using var silent = Ed25519CosignatureSigner.Generate("witness.example/w2", new FakeTimeProvider(CosignedAt));
        var checkpoint = new Checkpoint("cert.example/vigil", 3, new byte[32]).Sign(log, witness);

        var result = CheckpointCosignatures.Check(checkpoint, [witness.VerifierKey, silent.VerifierKey]);
        var cosigned = Assert.Single(result.Cosigned);
        Assert.Equal(("witness.example/w1", CosignedAt), (cosigned.Witness, cosigned.At));
        Assert.Equal([silent.CreateVerifier().ToString()], result.Absent);
        Assert.Empty(result.Invalid);

        // The same cosignature over another tree does not verify: named, not skipped.
        var other = new SignedNote(new Checkpoint("cert.example/vigil", 4, new byte[32]).ToText(), checkpoint.Signatures);
        Assert.Equal([witness.CreateVerifier().ToString()], CheckpointCosignatures.Check(other, [witness.VerifierKey]).Invalid);
        Assert.Throws<FormatException>(() => CheckpointCosignatures.Check(checkpoint, [log.VerifierKey]));
    }
}
