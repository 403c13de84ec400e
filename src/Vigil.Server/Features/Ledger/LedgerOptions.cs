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

    /// <summary>
    /// The signer key file; generated on first start (owner-only) when missing. Default: ledger-signer.key in the
    /// directory beside the data directory named after it with "-keys" (data-keys/ for data/), so that copies of the
    /// data do not carry the key. A key still in the data directory (the earlier default) is used, with a warning.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>"file" (default: the Ed25519 key in <see cref="KeyFile"/>) or "command" (an external signer, <see cref="SignerCommand"/>).</summary>
    [RegularExpression("^(file|command)$", ErrorMessage = "Ledger:Signer must be 'file' or 'command'.")]
    public string Signer { get; set; } = "file";

    /// <summary>The external signer's program: given the message on standard input, it writes the Ed25519 signature (64 bytes, raw or base64) on standard output.</summary>
    public string? SignerCommand { get; set; }

    /// <summary>The program's arguments, each passed as it is (no shell).</summary>
    public List<string> SignerArguments { get; set; } = [];

    /// <summary>The external signer's Ed25519 public key: base64 of the 32-byte key or of its SubjectPublicKeyInfo (DER, as `openssl pkey -pubout -outform DER` writes it).</summary>
    public string? SignerPublicKey { get; set; }

    /// <summary>How long one signature by the external signer may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SignerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Verifier keys of earlier signing keys: checkpoints they signed stay verifiable after a rotation.</summary>
    public List<string> RetiredVerifierKeys { get; set; } = [];

    /// <summary>How often a checkpoint is signed when the log has grown (at most once per interval).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>External witnesses asked to cosign every new checkpoint (C2SP tlog-witness).</summary>
    public List<WitnessOptions> Witnesses { get; set; } = [];
}
