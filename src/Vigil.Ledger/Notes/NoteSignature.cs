using System.Buffers.Binary;

namespace Vigil.Ledger.Notes;

/// <summary>One signature line of a note: <c>— name base64(key ID || signature)</c>.</summary>
/// <param name="Name">The key name.</param>
/// <param name="KeyId">The key ID.</param>
/// <param name="Signature">The signature bytes, without the key ID.</param>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    /// <summary>The em dash (U+2014) and space that start every signature line.</summary>
    public const string LinePrefix = "\u2014 ";

    /// <summary>The line as it appears in a note, with its final newline.</summary>
    public string ToLine()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.CopyTo(bytes, 4);
        return $"{LinePrefix}{Name} {Convert.ToBase64String(bytes)}\n";
    }

    /// <summary>
    /// Parses one signature line, with or without its final newline, such as a witness returns for a
    /// checkpoint; throws <see cref="FormatException"/> if it is malformed.
    /// </summary>
    public static NoteSignature ParseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return TryParseLine(line.EndsWith('\n') ? line[..^1] : line) ?? throw new FormatException("Malformed signature line.");
    }

    /// <summary>Parses a line without its newline; null if it is not a well-formed signature line.</summary>
    internal static NoteSignature? TryParseLine(string line)
    {
        if (!NoteText.IsAllowedNoteText(line) || line.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        if (!line.StartsWith(LinePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[LinePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return null;
        }

        var name = rest[..space];
        var encoded = rest[(space + 1)..];
        if (!NoteText.IsValidName(name) || encoded.Length == 0 || !NoteText.TryDecodeBase64(encoded, out var bytes) || bytes.Length < 5)
        {
            return null;
        }

        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
    }

    /// <summary>Whether two signatures are the same line.</summary>
    public bool Equals(NoteSignature? other) =>
        other is not null && Name == other.Name && KeyId == other.KeyId && Signature.AsSpan().SequenceEqual(other.Signature);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, KeyId, Signature.Length);
}
