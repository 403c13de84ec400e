using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.OidcSignIn;

/// <summary>
/// Section "Oidc": signing in to the pages through an OpenID Connect provider. Off unless <see cref="Authority"/> is
/// set; then <see cref="ClientId"/>, <see cref="ClientSecret"/> and <see cref="DisplayName"/> must be set too. The secret
/// belongs in the environment (<c>Oidc__ClientSecret</c>) or another configuration source outside the repository.
/// </summary>
public sealed class OidcOptions : IValidatableObject
{
    public const string Section = "Oidc";

    /// <summary>The provider's issuer; its discovery document is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Sent to the provider's token endpoint only; never shown, logged or stored by Vigil.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Asked of the provider; must include "openid". Empty (the default) asks for "openid" and "email".</summary>
    public List<string> Scopes { get; set; } = [];

    // The configuration binder adds to a list it finds filled, so the default is applied here, not in the initialiser.
    public IReadOnlyList<string> EffectiveScopes => Scopes.Count > 0 ? Scopes : ["openid", "email"];

    /// <summary>The claim (in the ID token or from the UserInfo endpoint) whose value is the e-mail of a Vigil user.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>Whether the provider must say the e-mail is verified (claim <c>email_verified</c> true).</summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>Names the provider on the sign-in page: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Refuses an Authority that is not HTTPS. Only a test or a provider on the same machine may turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
        {
            if (!string.IsNullOrEmpty(ClientId) || !string.IsNullOrEmpty(ClientSecret))
            {
                yield return new ValidationResult("Oidc:ClientId and Oidc:ClientSecret are set but Oidc:Authority is not: set it, or remove them.", [nameof(Authority)]);
            }
            yield break;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            yield return new ValidationResult("Oidc:Authority must be the provider's absolute https URL, without query or fragment.", [nameof(Authority)]);
        }
        else if (authority.Scheme != "https" && RequireHttpsMetadata)
        {
            yield return new ValidationResult("Oidc:Authority must use https (Oidc:RequireHttpsMetadata is true).", [nameof(Authority)]);
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Oidc:ClientId must be set when Oidc:Authority is.", [nameof(ClientId)]);
        }
        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            // Named, never quoted: the message must not carry the secret even when it is wrong.
            yield return new ValidationResult("Oidc:ClientSecret must be set when Oidc:Authority is (from the environment: Oidc__ClientSecret).", [nameof(ClientSecret)]);
        }
        if (!EffectiveScopes.Contains("openid", StringComparer.Ordinal) || EffectiveScopes.Any(s => string.IsNullOrWhiteSpace(s) || s.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult("Oidc:Scopes must include \"openid\", one scope per entry, without spaces.", [nameof(Scopes)]);
        }
        if (string.IsNullOrWhiteSpace(EmailClaim))
        {
            yield return new ValidationResult("Oidc:EmailClaim must name a claim, such as \"email\".", [nameof(EmailClaim)]);
        }
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 60)
        {
            yield return new ValidationResult("Oidc:DisplayName must name the provider for the sign-in page, in at most 60 characters.", [nameof(DisplayName)]);
        }
    }
}
