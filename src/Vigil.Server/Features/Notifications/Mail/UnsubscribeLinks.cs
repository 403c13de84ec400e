using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// The link in every subscription's mail that turns the subscription off (List-Unsubscribe, RFC 8058 one-click):
/// the subscription's id and an HMAC-SHA256 over it under a key only the server holds, so that a link cannot be
/// made for another subscription. The key lives in an owner-only file in the data directory (made on first start);
/// servers sharing one database share it as they share the vault key.
/// </summary>
public sealed class UnsubscribeLinks
{
    public const string Path = "/notifications/unsubscribe";
    private const string Purpose = "vigil-unsubscribe-v1\n";
    private readonly byte[] _key;
    private readonly string _baseUrl;

    public UnsubscribeLinks(IOptions<SmtpOptions> smtp, IOptions<StorageOptions> storage, IOptions<CsafOptions> site)
    {
        var path = smtp.Value.LinkKeyFile ?? System.IO.Path.Combine(storage.Value.DataDirectory, "mail-links.key");
        if (!File.Exists(path))
        {
            OwnerOnlyFile.Create(path, stream => stream.Write(RandomNumberGenerator.GetBytes(32)));
        }
        OwnerOnlyFile.EnsureOwnerOnly(path);
        _key = File.ReadAllBytes(path);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException($"{path} must hold at least 32 random bytes; it holds {_key.Length}.");
        }
        _baseUrl = site.Value.BaseUrl.TrimEnd('/');
    }

    /// <summary>The https address that turns the subscription off: GET shows a page that asks, POST does it.</summary>
    public string For(long subscriptionId) =>
        $"{_baseUrl}{Path}?s={subscriptionId.ToString(CultureInfo.InvariantCulture)}&t={Token(subscriptionId)}";

    /// <summary>The subscription a link names, when its token is the one this server made for it.</summary>
    public long? Check(string? subscription, string? token)
    {
        if (!long.TryParse(subscription, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || token is null)
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Token(id));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token)) ? id : null;
    }

    private string Token(long subscriptionId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Purpose + subscriptionId.ToString(CultureInfo.InvariantCulture))));
}
