using System.Security.Cryptography;
using NSec.Cryptography;

namespace Vigil.Ledger.Notes;

/// <summary>An Ed25519 key pair held as its 32-byte seed (RFC 8032 private key). Signing is done by NSec (libsodium).</summary>
internal sealed class Ed25519KeyPair : IDisposable
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly byte[] _seed;
    private readonly Key _key;

    public Ed25519KeyPair(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedSize} bytes.", nameof(seed));
        }

        _seed = seed.ToArray();
        _key = Key.Import(Algorithm, _seed, KeyBlobFormat.RawPrivateKey);
        PublicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public byte[] PublicKey { get; }

    public ReadOnlySpan<byte> Seed => _seed;

    public static Ed25519KeyPair Generate() => new(RandomNumberGenerator.GetBytes(SeedSize));

    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize ||
            !NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key))
        {
            return false;
        }

        return Algorithm.Verify(key!, message, signature);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_seed);
        _key.Dispose();
    }
}
