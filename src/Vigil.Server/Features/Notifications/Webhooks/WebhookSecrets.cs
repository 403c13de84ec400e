using System.Security.Cryptography;
using System.Text;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>
/// An endpoint's signing secrets: 32 random bytes, shown once as <c>whsec_</c> and their base64 (the form Standard
/// Webhooks libraries take), kept sealed under the vault key and bound to the endpoint's id, so that a sealed secret
/// moved to another endpoint does not open.
/// </summary>
public sealed class WebhookSecrets(VaultKey vault, TimeProvider clock)
{
    public const string Prefix = "whsec_";

    /// <summary>A new secret: its bytes and how it is shown (once).</summary>
    public static (byte[] Key, string Shown) Create()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return (key, Prefix + Convert.ToBase64String(key));
    }

    public byte[] Seal(string endpointId, byte[] key) => vault.Seal(key, Bound(endpointId));

    /// <summary>The keys to sign with now: the current one, and the previous one while its overlap lasts.</summary>
    public IReadOnlyList<byte[]> SigningKeys(WebhookEndpoint endpoint)
    {
        var keys = new List<byte[]> { vault.Open(endpoint.SealedSecret, Bound(endpoint.Id)) };
        if (endpoint.SealedPreviousSecret is { } previous && endpoint.PreviousSecretUntil > clock.GetUtcNow())
        {
            keys.Add(vault.Open(previous, Bound(endpoint.Id)));
        }
        return keys;
    }

    private static byte[] Bound(string endpointId) => Encoding.UTF8.GetBytes("webhook-secret:" + endpointId);
}
