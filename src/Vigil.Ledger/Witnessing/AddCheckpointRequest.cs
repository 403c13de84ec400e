using System.Globalization;
using System.Text;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Witnessing;

/// <summary>
/// The body of a C2SP tlog-witness <c>add-checkpoint</c> request: an <c>old &lt;size&gt;</c> line, the consistency
/// proof from that size (one base64 hash per line), a blank line, then the signed checkpoint.
/// </summary>
/// <param name="OldSize">The size of the latest checkpoint the witness is believed to have cosigned (0 if none).</param>
/// <param name="Proof">The RFC 9162 consistency proof from <paramref name="OldSize"/> to the checkpoint's size; empty from 0.</param>
/// <param name="Note">The checkpoint as a signed note, with the log's signature(s).</param>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> Proof, SignedNote Note)
{
    /// <summary>The most consistency proof lines a request may carry.</summary>
    public const int MaxProofLines = 63;

    private const string OldPrefix = "old ";

    /// <summary>The checkpoint the note carries, not yet verified.</summary>
    public Checkpoint Claimed => Checkpoint.Parse(Note.Text);

    /// <summary>The request body, every line ending in a newline.</summary>
    public override string ToString()
    {
        var body = new StringBuilder(OldPrefix).Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Proof)
        {
            body.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return body.Append('\n').Append(Note).ToString();
    }

    /// <summary>Parses a request body; throws <see cref="FormatException"/> naming what is malformed.</summary>
    public static AddCheckpointRequest Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new FormatException("The request has no blank line between the proof and the checkpoint.");
        }

        var lines = body[..blank].Split('\n');
        if (!lines[0].StartsWith(OldPrefix, StringComparison.Ordinal) || !NoteText.TryParseCanonicalDecimal(lines[0][OldPrefix.Length..], out var oldSize))
        {
            throw new FormatException("The first line must be 'old <size>', the size in decimal without leading zeros.");
        }

        if (lines.Length - 1 > MaxProofLines)
        {
            throw new FormatException($"A consistency proof has at most {MaxProofLines} lines.");
        }

        var proof = new List<byte[]>();
        foreach (var line in lines.Skip(1))
        {
            if (!NoteText.TryDecodeBase64(line, out var hash) || hash.Length != MerkleHash.Size)
            {
                throw new FormatException($"Each consistency proof line must be the base64 of a {MerkleHash.Size}-byte hash.");
            }

            proof.Add(hash);
        }

        var note = SignedNote.Parse(body[(blank + 2)..]);
        _ = Checkpoint.Parse(note.Text);
        return new AddCheckpointRequest(oldSize, proof, note);
    }
}
