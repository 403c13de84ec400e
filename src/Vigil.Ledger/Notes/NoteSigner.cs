namespace Vigil.Ledger.Notes;

/// <summary>A key that signs notes under a name and key ID.</summary>
public abstract class NoteSigner
{
    /// <summary>The key name written in the signature line.</summary>
    public abstract string Name { get; }

    /// <summary>The key ID prefixed to the signature.</summary>
    public abstract uint KeyId { get; }

    /// <summary>Signs the note text (UTF-8 bytes, ending in a newline) and returns the signature without the key ID.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> text);

    /// <summary>Signs the text and returns the signature line for it.</summary>
    public NoteSignature SignText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new NoteSignature(Name, KeyId, Sign(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
