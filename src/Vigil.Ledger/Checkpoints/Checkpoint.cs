using System.Globalization;
using System.Text;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Checkpoints;

/// <summary>
/// A C2SP tlog-checkpoint: the note text that commits a log to its tree head. The text is the origin line,
/// the tree size in decimal, the base64 root hash and optional extension lines, each ending in a newline.
/// </summary>
public sealed class Checkpoint
{
    /// <summary>A checkpoint of the tree of <paramref name="size"/> leaves with <paramref name="rootHash"/>.</summary>
    public Checkpoint(string origin, long size, ReadOnlySpan<byte> rootHash, IEnumerable<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (origin.Length == 0 || origin.Contains('\n', StringComparison.Ordinal) || !NoteText.IsAllowedNoteText(origin))
        {
            throw new FormatException("A checkpoint origin is one non-empty line.");
        }

        if (rootHash.Length != MerkleHash.Size)
        {
            throw new FormatException($"A checkpoint root hash is {MerkleHash.Size} bytes.");
        }

        Extensions = [.. extensions ?? []];
        if (Extensions.Any(e => e.Length == 0 || e.Contains('\n', StringComparison.Ordinal) || !NoteText.IsAllowedNoteText(e)))
        {
            throw new FormatException("Checkpoint extension lines are single non-empty lines.");
        }

        Origin = origin;
        Size = size;
        RootHash = rootHash.ToArray();
    }

    /// <summary>The log's identity, the first line.</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public long Size { get; }

    /// <summary>The RFC 9162 root hash of the tree (32 bytes); do not modify.</summary>
    public byte[] RootHash { get; }

    /// <summary>Opaque extension lines after the root hash (use is discouraged by the spec).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Parses checkpoint note text; throws <see cref="FormatException"/> if malformed.</summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw new FormatException("Checkpoint text must end in a newline.");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new FormatException("A checkpoint has an origin, a size and a root hash line.");
        }

        if (!NoteText.TryParseCanonicalDecimal(lines[1], out var size))
        {
            throw new FormatException("Checkpoint tree size is not a canonical decimal.");
        }

        if (!NoteText.TryDecodeBase64(lines[2], out var root) || root.Length != MerkleHash.Size)
        {
            throw new FormatException($"Checkpoint root hash is not base64 of {MerkleHash.Size} bytes.");
        }

        return new Checkpoint(lines[0], size, root, lines[3..]);
    }

    /// <summary>
    /// Opens a signed checkpoint: verifies the note against <paramref name="verifiers"/> (see
    /// <see cref="SignedNote.Verify"/>) and parses its text. If <paramref name="expectedOrigin"/> is given, the
    /// origin must equal it. Throws <see cref="FormatException"/> or <see cref="LedgerVerificationException"/>.
    /// </summary>
    public static OpenedCheckpoint Open(string signedNote, NoteVerifierSet verifiers, string? expectedOrigin = null)
    {
        var note = SignedNote.Parse(signedNote);
        var verification = note.Verify(verifiers);
        var checkpoint = Parse(verification.Text);
        if (expectedOrigin is not null && checkpoint.Origin != expectedOrigin)
        {
            throw new LedgerVerificationException($"Checkpoint origin '{checkpoint.Origin}' is not the expected '{expectedOrigin}'.");
        }

        return new OpenedCheckpoint(checkpoint, note, verification);
    }

    /// <summary>The note text: origin, size, base64 root hash and extension lines, each ending in a newline.</summary>
    public string ToText()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions)
        {
            text.Append(extension).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Signs the checkpoint (log key first, then any others) and returns the signed note.</summary>
    public SignedNote Sign(params IEnumerable<NoteSigner> signers) => SignedNote.Sign(ToText(), signers);

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
