using System.Globalization;

namespace Vigil.Ledger.Notes;

/// <summary>
/// Verifier keys <c>name+hexkeyid+base64(type || public key)</c> and signer keys
/// <c>PRIVATE+KEY+name+hexkeyid+base64(type || private key)</c>, as golang.org/x/mod/sumdb/note writes them.
/// </summary>
internal static class NoteKeyString
{
    private const string SignerPrefix = "PRIVATE+KEY+";

    public static (string Name, NoteSignatureType Type, byte[] PublicKey) ParseVerifierKey(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        var (name, keyId, type, key) = Split(verifierKey) ?? throw new FormatException("Malformed verifier key.");
        if (keyId != NoteKeyId.Compute(name, type, key))
        {
            throw new FormatException("Verifier key ID does not match the key.");
        }

        return (name, type, key);
    }

    public static (string Name, uint KeyId, NoteSignatureType Type, byte[] PrivateKey) ParseSignerKey(string signerKey)
    {
        ArgumentNullException.ThrowIfNull(signerKey);
        if (!signerKey.StartsWith(SignerPrefix, StringComparison.Ordinal))
        {
            throw new FormatException("Malformed signer key.");
        }

        return Split(signerKey[SignerPrefix.Length..]) ?? throw new FormatException("Malformed signer key.");
    }

    public static string FormatVerifierKey(string name, uint keyId, NoteSignatureType type, ReadOnlySpan<byte> publicKey) =>
        $"{name}+{NoteKeyId.ToHex(keyId)}+{Convert.ToBase64String([(byte)type, .. publicKey])}";

    public static string FormatSignerKey(string name, uint keyId, NoteSignatureType type, ReadOnlySpan<byte> privateKey) =>
        SignerPrefix + FormatVerifierKey(name, keyId, type, privateKey);

    private static (string Name, uint KeyId, NoteSignatureType Type, byte[] Key)? Split(string text)
    {
        var first = text.IndexOf('+', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf('+', first + 1);
        if (second < 0)
        {
            return null;
        }

        var name = text[..first];
        var hex = text[(first + 1)..second];
        if (!NoteText.IsValidName(name) || hex.Length != 8 || !hex.All(char.IsAsciiHexDigit) ||
            !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId) ||
            !NoteText.TryDecodeBase64(text[(second + 1)..], out var key) || key.Length < 2)
        {
            return null;
        }

        return (name, keyId, (NoteSignatureType)key[0], key[1..]);
    }
}
