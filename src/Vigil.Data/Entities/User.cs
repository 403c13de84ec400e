
namespace Vigil.Data.Entities;

/// <summary>A person who signs in: an admin, an analyst, a reporter (of exactly one organisation) or oversight.</summary>
public sealed class User
{
    public required string Id { get; init; }
    /// <summary>Stored in lower case; unique.</summary>
    public required string Email { get; init; }
    public required string Role { get; set; }
    /// <summary>Set for reporters only.</summary>
    public string? OrganisationId { get; set; }
    /// <summary>The framework's PBKDF2 password hash; null until a password is set.</summary>
    public string? PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set while the account is disabled: no sign-in, no token and no page session authenticates it.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    /// <summary>The RFC 6238 shared secret, encrypted with the data directory's key (AES-GCM); null until enrolment starts.</summary>
    public byte[]? TotpSecret { get; set; }
    /// <summary>When the user confirmed the second factor with a first code; until then it is not asked for.</summary>
    public DateTimeOffset? TotpEnabledAt { get; set; }
    /// <summary>The language the pages speak to this user (such as <c>hi</c>); null: the browser's, or English.</summary>
    public string? Culture { get; set; }
    /// <summary>The IANA time zone the pages show times in; null: the organisation's country's, or the server's default.</summary>
    public string? TimeZone { get; set; }
    /// <summary>The last RFC 6238 time step accepted, so that a code is never accepted twice.</summary>
    public long? TotpLastStep { get; set; }
    /// <summary>
    /// The ASCII-armoured OpenPGP public key mail to the user is encrypted to (PGP/MIME); null sends it unencrypted.
    /// Checked when set: it parses, has a key that can encrypt, and has not expired.
    /// </summary>
    public string? OpenPgpPublicKey { get; set; }
}
