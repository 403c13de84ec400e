using System.Globalization;
using System.Text;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Checkpoints;

/// <summary>
/// A C2SP tlog-proof@v1 document: an offline-verifiable proof that an entry is in a log. It holds optional
/// extra data, the entry's index, its inclusion proof and the signed checkpoint verbatim.
/// </summary>
public sealed class TlogProof
{
    /// <summary>The first line of every tlog-proof@v1 document.</summary>
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>A proof of the entry at <paramref name="index"/> in the tree of <paramref name="signedCheckpoint"/>.</summary>
    public TlogProof(long index, IReadOnlyList<byte[]> inclusionProof, string signedCheckpoint, byte[]? extra = null)
    {
        ArgumentNullException.ThrowIfNull(inclusionProof);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (inclusionProof.Any(h => h is null || h.Length != MerkleHash.Size))
        {
            throw new FormatException($"Every inclusion proof hash is {MerkleHash.Size} bytes.");
        }

        Index = index;
        InclusionProof = inclusionProof;
        SignedCheckpoint = signedCheckpoint;
        Extra = extra;
    }

    /// <summary>The zero-based index of the entry.</summary>
    public long Index { get; }

    /// <summary>The audit path from the entry's sibling up to the root's child.</summary>
    public IReadOnlyList<byte[]> InclusionProof { get; }

    /// <summary>The signed checkpoint, verbatim, with any cosignatures.</summary>
    public string SignedCheckpoint { get; }

    /// <summary>Optional opaque, unauthenticated extra data.</summary>
    public byte[]? Extra { get; }

    /// <summary>Builds a proof from an inclusion proof and the signed checkpoint of the same tree size.</summary>
    public static TlogProof Create(InclusionProof proof, SignedNote signedCheckpoint, byte[]? extra = null)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        if (Checkpoint.Parse(signedCheckpoint.Text).Size != proof.TreeSize)
        {
            throw new ArgumentException("The inclusion proof is for another tree size than the checkpoint.", nameof(proof));
        }

        return new TlogProof(proof.Index, proof.Hashes, signedCheckpoint.ToString(), extra);
    }

    /// <summary>Parses a tlog-proof@v1 document; throws <see cref="FormatException"/> if malformed.</summary>
    public static TlogProof Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new LineReader(text);
        if (lines.Next() != Header)
        {
            throw new FormatException($"A tlog proof starts with the line '{Header}'.");
        }

        byte[]? extra = null;
        var line = lines.Next();
        if (line?.StartsWith("extra ", StringComparison.Ordinal) == true)
        {
            extra = NoteText.TryDecodeBase64(line["extra ".Length..], out var bytes) ? bytes : throw new FormatException("Tlog proof extra data is not base64.");
            line = lines.Next();
        }

        if (line?.StartsWith("index ", StringComparison.Ordinal) != true || !NoteText.TryParseCanonicalDecimal(line["index ".Length..], out var index))
        {
            throw new FormatException("A tlog proof needs an 'index N' line with a canonical decimal.");
        }

        var hashes = new List<byte[]>();
        while ((line = lines.Next()) is { Length: > 0 })
        {
            hashes.Add(NoteText.TryDecodeBase64(line, out var hash) && hash.Length == MerkleHash.Size ? hash : throw new FormatException("A tlog proof hash line is not base64 of 32 bytes."));
        }

        if (line is null || lines.Rest.Length == 0)
        {
            throw new FormatException("A tlog proof ends with a blank line and the signed checkpoint.");
        }

        return new TlogProof(index, hashes, lines.Rest, extra);
    }

    /// <summary>
    /// Verifies the checkpoint's signatures with <paramref name="verifiers"/> and that the entry with
    /// <paramref name="leafHash"/> is at <see cref="Index"/> in its tree. Throws <see cref="LedgerVerificationException"/>
    /// or <see cref="FormatException"/>; returns the opened checkpoint.
    /// </summary>
    public OpenedCheckpoint Verify(ReadOnlySpan<byte> leafHash, NoteVerifierSet verifiers, string? expectedOrigin = null)
    {
        var opened = Checkpoint.Open(SignedCheckpoint, verifiers, expectedOrigin);
        new InclusionProof(Index, opened.Checkpoint.Size, InclusionProof).Verify(leafHash, opened.Checkpoint.RootHash);
        return opened;
    }

    /// <summary>The document as text.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Header).Append('\n');
        if (Extra is not null)
        {
            text.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        }

        text.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in InclusionProof)
        {
            text.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return text.Append('\n').Append(SignedCheckpoint).ToString();
    }

    private sealed class LineReader(string text)
    {
        private int _position;

        public string Rest => text[_position..];

        public string? Next()
        {
            var end = text.IndexOf('\n', _position);
            if (end < 0)
            {
                return null;
            }

            var line = text[_position..end];
            _position = end + 1;
            return line;
        }
    }
}
