using System.Buffers.Binary;

namespace Vigil.Ledger.Notes;

/// <summary>
/// A witness key that makes C2SP tlog-cosignature v1 Ed25519 cosignatures (signature type 0x04). Each
/// cosignature carries the time it was made, read from the injected clock.
/// </summary>
public sealed class Ed25519CosignatureSigner : NoteSigner, IDisposable
{
    private readonly Ed25519KeyPair _key;
    private readonly TimeProvider _clock;

    private Ed25519CosignatureSigner(string name, Ed25519KeyPair key, TimeProvider clock)
    {
        if (!NoteText.IsValidName(name))
        {
            key.Dispose();
            throw new FormatException("A key name must be non-empty, without spaces or '+'.");
        }

        Name = name;
        _key = key;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        KeyId = NoteKeyId.Compute(name, NoteSignatureType.Ed25519Cosignature, key.PublicKey);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override uint KeyId { get; }

    /// <summary>The secret signer key string <c>PRIVATE+KEY+name+hexkeyid+base64(0x04 || seed)</c>.</summary>
    public string SignerKey => NoteKeyString.FormatSignerKey(Name, KeyId, NoteSignatureType.Ed25519Cosignature, _key.Seed);

    /// <summary>The public verifier key string <c>name+hexkeyid+base64(0x04 || public key)</c>.</summary>
    public string VerifierKey => NoteKeyString.FormatVerifierKey(Name, KeyId, NoteSignatureType.Ed25519Cosignature, _key.PublicKey);

    /// <summary>Generates a new witness key.</summary>
    public static Ed25519CosignatureSigner Generate(string name, TimeProvider clock) => new(name, Ed25519KeyPair.Generate(), clock);

    /// <summary>Creates the witness signer for a known 32-byte Ed25519 seed.</summary>
    public static Ed25519CosignatureSigner FromSeed(string name, ReadOnlySpan<byte> seed, TimeProvider clock) =>
        new(name, new Ed25519KeyPair(seed), clock);

    /// <summary>Parses a signer key string of type 0x04; throws <see cref="FormatException"/> if malformed.</summary>
    public static Ed25519CosignatureSigner Parse(string signerKey, TimeProvider clock)
    {
        var (name, keyId, type, seed) = NoteKeyString.ParseSignerKey(signerKey);
        if (type != NoteSignatureType.Ed25519Cosignature || seed.Length != Ed25519KeyPair.SeedSize)
        {
            throw new FormatException("Not an Ed25519 cosignature signer key.");
        }

        var signer = FromSeed(name, seed, clock);
        if (signer.KeyId != keyId)
        {
            signer.Dispose();
            throw new FormatException("Signer key ID does not match the key.");
        }

        return signer;
    }

    /// <summary>The verifier for this witness key.</summary>
    public Ed25519CosignatureVerifier CreateVerifier() => new(Name, _key.PublicKey);

    /// <summary>Cosigns checkpoint text now, by the injected clock.</summary>
    public override byte[] Sign(ReadOnlySpan<byte> text) => Sign(text, _clock.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Cosigns checkpoint text with the given timestamp (seconds since the Unix epoch).</summary>
    public byte[] Sign(ReadOnlySpan<byte> text, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        var signature = new byte[CosignedMessage.SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(signature, (ulong)timestamp);
        _key.Sign(CosignedMessage.Build(timestamp, text)).CopyTo(signature, CosignedMessage.TimestampSize);
        return signature;
    }

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();
}
