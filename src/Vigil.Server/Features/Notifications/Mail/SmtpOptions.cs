using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>How a connection to the SMTP relay is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only to a relay on this machine (loopback), where nothing crosses a network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS before anything is sent; refused if the relay does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, usually port 465).</summary>
    Tls,
}

/// <summary>
/// Section "Notifications:Smtp": the relay outgoing mail goes through and who it comes from. Without a host, mail is
/// off: no e-mail channel is registered and e-mail messages wait in the outbox until one is configured.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Notifications:Smtp";

    /// <summary>The relay's host name or address; empty turns e-mail off.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Authenticate with these when set (after TLS: MailKit never sends them over a plain connection unasked).</summary>
    public string? UserName { get; set; }

    /// <summary>Never logged, never in an answer.</summary>
    public string? Password { get; set; }

    [EmailAddress]
    public string FromAddress { get; set; } = "notifications@cert.example.org";

    [StringLength(200)]
    public string FromName { get; set; } = "National CERT";

    /// <summary>How long one connection, command or send may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sign every mail with the CERT's OpenPGP key (PGP/MIME, RFC 3156).</summary>
    public bool OpenPgpSign { get; set; }

    /// <summary>Accept a relay's certificate that does not chain to a trusted root (a test relay); never in production.</summary>
    public bool AcceptAnyCertificate { get; set; }

    /// <summary>The key that signs unsubscribe links; {DataDirectory}/mail-links.key (made on first use) when not set.</summary>
    public string? LinkKeyFile { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (Security == SmtpSecurity.None && !IsLoopback(Host!))
        {
            yield return new ValidationResult(
                $"{Section}:Security may be None only for a relay on this machine (localhost, 127.0.0.0/8, ::1); use StartTls or Tls for {Host}.",
                [nameof(Security)]);
        }
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult($"{Section}:UserName and {Section}:Password go together: set both or neither.", [nameof(UserName)]);
        }
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{Section}:Timeout must be from 00:00:01 to 00:10:00.", [nameof(Timeout)]);
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
