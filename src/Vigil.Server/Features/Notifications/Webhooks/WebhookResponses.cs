using Vigil.Data.Entities;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>An endpoint as the API shows it: never its secret.</summary>
/// <param name="PreviousSecretUntil">While a rotation's overlap lasts, when the previous secret stops signing.</param>
public sealed record WebhookResponse(
    string Id, string? OrganisationId, string Url, string? Description, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretUntil)
{
    public static WebhookResponse From(WebhookEndpoint e, DateTimeOffset now) => new(
        e.Id, e.OrganisationId, e.Url, e.Description, e.Enabled, e.CreatedAt, e.UpdatedAt, e.PreviousSecretUntil > now ? e.PreviousSecretUntil : null);
}

/// <summary>An endpoint just created or rotated, with the secret it signs with: shown in this answer only.</summary>
public sealed record WebhookSecretResponse(WebhookResponse Endpoint, string Secret, string Resource);
