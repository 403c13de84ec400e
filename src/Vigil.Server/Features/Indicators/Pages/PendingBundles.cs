using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace Vigil.Server.Features.Indicators.Pages;

/// <summary>
/// The bundles analysts are previewing, held in this server's memory between the preview and its confirmation (a
/// bundle is too large to send back and forth in the page), for half an hour, each for the one analyst and collection
/// it was uploaded for. Never written to disk: a bundle may be marked RED. A confirmation that finds nothing (expired,
/// the server restarted) asks for the bundle again.
/// </summary>
public sealed class PendingBundles : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _held = new(new MemoryCacheOptions { SizeLimit = 8L * ImportBundle.MaxBundleBytes });

    private sealed record Held(string UserId, string CollectionId, byte[] Bytes);

    /// <summary>Keeps the bytes and answers the key the confirmation form carries.</summary>
    public string Keep(string userId, string collectionId, byte[] bytes)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _held.Set(key, new Held(userId, collectionId, bytes), new MemoryCacheEntryOptions { Size = Math.Max(1, bytes.Length), AbsoluteExpirationRelativeToNow = Lifetime });
        return key;
    }

    /// <summary>The bytes kept under <paramref name="key"/> for this analyst and collection, taken out; null when there are none.</summary>
    public byte[]? Take(string? key, string userId, string collectionId)
    {
        if (key is null || !_held.TryGetValue(key, out Held? held) || held is null || held.UserId != userId || held.CollectionId != collectionId)
        {
            return null;
        }
        _held.Remove(key);
        return held.Bytes;
    }

    /// <summary>Puts bytes back under their key after a confirmation that was refused, so the analyst can correct it.</summary>
    public void Return(string key, string userId, string collectionId, byte[] bytes) =>
        _held.Set(key, new Held(userId, collectionId, bytes), new MemoryCacheEntryOptions { Size = Math.Max(1, bytes.Length), AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _held.Dispose();
}
