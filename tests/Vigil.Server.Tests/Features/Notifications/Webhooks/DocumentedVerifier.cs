using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Tests.Features.Notifications.Webhooks;

/// <summary>The C# verification example of docs/webhooks.md, as a receiver would paste it (kept the same as the page's).</summary>
public static class DocumentedVerifier
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>True when one of the signatures is the secret's over id.timestamp.body and the timestamp is recent.</summary>
    public static bool Verify(string secret, string id, string timestamp, string signatures, byte[] body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return false;
        }
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = HMACSHA256.HashData(key, signed);
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            var given = new byte[32];
            if (parts.Length == 2 && parts[0] == "v1" && Convert.TryFromBase64String(parts[1], given, out var length) && length == 32
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }
        return false;
    }
}
