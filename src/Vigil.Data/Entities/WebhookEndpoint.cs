namespace Vigil.Data.Entities;

/// <summary>
/// Where an organisation (or the CERT, when <see cref="OrganisationId"/> is null) takes its notifications over HTTP:
/// a URL and the secret the Standard Webhooks signature is made with. The secret is sealed with the vault key, not
/// hashed, because every delivery signs with it. Rotation keeps the previous secret until
/// <see cref="PreviousSecretUntil"/>, and meanwhile each delivery is signed with both.
/// </summary>
public sealed class WebhookEndpoint
{
    public required string Id { get; init; }

    /// <summary>The organisation whose endpoint it is; null for one of the CERT's own.</summary>
    public string? OrganisationId { get; init; }

    public required string Url { get; set; }

    public string? Description { get; set; }

    /// <summary>False once deleted: kept so that the messages sent to it still name it; nothing more is sent to it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The current secret's bytes, sealed (AES-GCM under the vault key, bound to the endpoint's id).</summary>
    public required byte[] SealedSecret { get; set; }

    /// <summary>The secret before the last rotation, sealed, signed with beside the current one until <see cref="PreviousSecretUntil"/>.</summary>
    public byte[]? SealedPreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The user who created it.</summary>
    public string? CreatedBy { get; init; }
}
