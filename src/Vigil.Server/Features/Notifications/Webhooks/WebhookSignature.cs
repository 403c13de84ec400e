using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>
/// The Standard Webhooks signature: HMAC-SHA256 under the secret's bytes over <c>id.timestamp.body</c>, written
/// <c>v1,</c> and its base64; several (during a secret's rotation) are separated by spaces in one header.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string id, long timestamp, ReadOnlySpan<byte> body, byte[] key)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    public static string Header(string id, long timestamp, ReadOnlySpan<byte> body, IEnumerable<byte[]> keys)
    {
        var signatures = new List<string>();
        foreach (var key in keys)
        {
            signatures.Add(Sign(id, timestamp, body, key));
        }
        return string.Join(' ', signatures);
    }
}
