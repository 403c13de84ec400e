namespace Vigil.Data.Entities;

/// <summary>An organisation that must report incidents (a messaging service, a bank, an ISP).</summary>
public sealed class Organisation
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string Sector { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    public required string ContactName { get; set; }
    public string? ContactRole { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// The ASCII-armoured OpenPGP public key mail to the organisation's point of contact is encrypted to (PGP/MIME); null sends it unencrypted.
    /// Checked when set: it parses, has a key that can encrypt, and has not expired.
    /// </summary>
    public string? OpenPgpPublicKey { get; set; }
}
