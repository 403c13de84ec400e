using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>Section "Vault": where the key that encrypts secrets at rest (attachments, second-factor secrets) is kept.</summary>
public sealed class VaultOptions
{
    public const string Section = "Vault";

    /// <summary>Default: {DataDirectory}/vault.key, made on first start (256 random bits, owner-only).</summary>
    public string? KeyFile { get; set; }
}

/// <summary>
/// AES-256-GCM under one key kept in an owner-only file (refused at start if anyone else may read it). Each sealed
/// value is a fresh 96-bit nonce, the ciphertext and the 128-bit tag; the associated data binds a sealed value to
/// what it belongs to (a blob's hash, a user's id), so one cannot be swapped for another.
/// </summary>
public sealed class VaultKey : IDisposable
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly AesGcm _aes;

    public VaultKey(IOptions<VaultOptions> options, IOptions<StorageOptions> storage)
    {
        var path = options.Value.KeyFile ?? Path.Combine(storage.Value.DataDirectory, "vault.key");
        if (!File.Exists(path))
        {
            OwnerOnlyFile.Create(path, stream => stream.Write(RandomNumberGenerator.GetBytes(32)));
        }
        OwnerOnlyFile.EnsureOwnerOnly(path);
        var key = File.ReadAllBytes(path);
        if (key.Length != 32)
        {
            throw new InvalidOperationException($"{path} must hold exactly 32 bytes (an AES-256 key); it holds {key.Length}.");
        }
        _aes = new AesGcm(key, TagBytes);
        CryptographicOperations.ZeroMemory(key);
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedValue = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedValue.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceBytes, plaintext.Length), sealedValue.AsSpan(NonceBytes + plaintext.Length), associatedData);
        return sealedValue;
    }

    /// <summary>The plaintext; throws <see cref="AuthenticationTagMismatchException"/> when the value was altered or belongs elsewhere.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (sealedValue.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed value is too short.");
        }
        var length = sealedValue.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        _aes.Decrypt(sealedValue[..NonceBytes], sealedValue.Slice(NonceBytes, length), sealedValue[(NonceBytes + length)..], plaintext, associatedData);
        return plaintext;
    }

    public void Dispose() => _aes.Dispose();
}
