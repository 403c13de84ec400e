using System.ComponentModel.DataAnnotations;
using System.Net;
using MimeKit;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// Section "InboundMail": the SMTP listener for the CERT's incident address. Off unless enabled; checked at start so a
/// listener that could never accept a report (no address, a missing certificate) stops the start rather than the mail.
/// </summary>
public sealed class InboundMailOptions : IValidatableObject
{
    public const string Section = "InboundMail";

    public bool Enabled { get; set; }

    /// <summary>The address the listener binds to (loopback by default: a mail relay in front hands mail on).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 2525;

    /// <summary>The name the listener greets with.</summary>
    [MaxLength(255)]
    public string ServerName { get; set; } = "vigil";

    /// <summary>The incident address(es): any other RCPT TO is refused with 550.</summary>
    public List<string> AcceptedRecipients { get; set; } = [];

    /// <summary>The largest message accepted, in bytes (default 25 MiB); a larger one is refused with 552.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>A PKCS#12 file with the certificate and key STARTTLS offers; none: no STARTTLS.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The certificate file's password, if it has one. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The OpenPGP secret key ring mail to the incident address is encrypted to; unset: {DataDirectory}/inbound-mail-openpgp.key, made on first use.</summary>
    public string? OpenPgpKeyFile { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult($"InboundMail:ListenAddress must be an IP address, not '{ListenAddress}'.", [nameof(ListenAddress)]);
        }
        if (AcceptedRecipients.Count == 0)
        {
            yield return new ValidationResult("InboundMail:AcceptedRecipients must name the incident address when the listener is enabled.", [nameof(AcceptedRecipients)]);
        }
        foreach (var recipient in AcceptedRecipients.Where(r => !MailboxAddress.TryParse(r, out var parsed) || parsed.Address != r.Trim() || !r.Contains('@', StringComparison.Ordinal)))
        {
            yield return new ValidationResult($"InboundMail:AcceptedRecipients holds '{recipient}', which is not a bare e-mail address.", [nameof(AcceptedRecipients)]);
        }
        if (CertificateFile is not null && !File.Exists(CertificateFile))
        {
            yield return new ValidationResult($"InboundMail:CertificateFile {CertificateFile} does not exist.", [nameof(CertificateFile)]);
        }
    }

    /// <summary>Whether a RCPT TO names one of the incident addresses (compared without case, as mail systems do in practice).</summary>
    public bool Accepts(string address) => AcceptedRecipients.Any(r => SameAddress(r, address));

    public static bool SameAddress(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
