using System.ComponentModel.DataAnnotations;

using Vigil.Server.Features.Ledger.Witnesses;

namespace Vigil.Server.Features.Ledger;

/// <summary>Section "Ledger": the transparency log's name, its signing key, and its witnesses.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The log's origin line and key name: a schema-less URL that names this log, e.g. "cert.example.org/vigil".</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9.\-/:]*$", ErrorMessage = "Ledger:Origin must be a schema-less URL such as cert.example.org/vigil.")]
    public string Origin { get; set; } = "vigil.local/ledger";

    /// <summary>The signer key file; generated on first start (owner-only) when missing. Default: {DataDirectory}/ledger-signer.key.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Verifier keys of earlier signing keys: checkpoints they signed stay verifiable after a rotation.</summary>
    public List<string> RetiredVerifierKeys { get; set; } = [];

    /// <summary>How often a checkpoint is signed when the log has grown (at most once per interval).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>External witnesses asked to cosign every new checkpoint (C2SP tlog-witness).</summary>
    public List<WitnessOptions> Witnesses { get; set; } = [];
}
