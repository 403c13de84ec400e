namespace Vigil.Data.Entities;

/// <summary>
/// A public OpenPGP key a followed provider published, kept exactly as fetched so that Vigil's mirror of the provider
/// can serve it with the provider's signatures. Every key a run could read is kept, also after the provider stops
/// listing it: documents it signed stay on the mirror and must stay verifiable.
/// </summary>
public sealed class ProviderKey
{
    public long Id { get; init; }
    public long ProviderId { get; init; }
    /// <summary>The primary key's fingerprint, upper-case hex; unique per provider.</summary>
    public required string Fingerprint { get; init; }
    /// <summary>The key file's bytes as the provider served them.</summary>
    public required byte[] Content { get; init; }
    public DateTimeOffset FetchedAt { get; init; }
}
