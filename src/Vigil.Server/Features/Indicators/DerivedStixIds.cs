using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Name-based (version 5, RFC 9562) STIX ids for the objects an export derives from a collection (its report, its
/// malware, the indicates relationships), so that exporting the same collection twice names the same objects.
/// </summary>
public static class DerivedStixIds
{
    // Vigil's own namespace for these names; fixed forever, since changing it would rename every exported object.
    private static readonly Guid Namespace = new("6d1f0b2e-94c3-4f5a-8e7d-2a9b3c4d5e6f");

    public static string For(string type, params string[] parts)
    {
        var name = Encoding.UTF8.GetBytes(type + "\n" + string.Join("\n", parts));
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; it names, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return $"{type}--{new Guid(hash.AsSpan(0, 16), bigEndian: true):D}";
    }
}
