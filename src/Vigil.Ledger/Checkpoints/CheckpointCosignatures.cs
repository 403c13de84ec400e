using System.Text;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Checkpoints;

/// <summary>
/// Which witnesses, of those whose keys a reader holds, cosigned a signed checkpoint (C2SP tlog-cosignature v1), and
/// when each says it did. A witness's line that does not verify is named, not skipped: someone altered the note.
/// </summary>
public static class CheckpointCosignatures
{
    /// <summary>A cosignature that verified with a witness's key, and the time it carries.</summary>
    public sealed record Cosigned(string Witness, string Key, DateTimeOffset At);

    /// <summary>Cosigned: verified lines. Invalid: keys with a line that does not verify. Absent: keys with no line.</summary>
    public sealed record Result(IReadOnlyList<Cosigned> Cosigned, IReadOnlyList<string> Invalid, IReadOnlyList<string> Absent);

    /// <summary>Checks <paramref name="note"/> against each witness key (type 0x04); a key of another type is a <see cref="FormatException"/>.</summary>
    public static Result Check(SignedNote note, IEnumerable<string> witnessKeys)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(witnessKeys);
        var text = Encoding.UTF8.GetBytes(note.Text);
        var cosigned = new List<Cosigned>();
        var invalid = new List<string>();
        var absent = new List<string>();
        foreach (var key in witnessKeys.Distinct(StringComparer.Ordinal))
        {
            if (NoteVerifier.Parse(key) is not Ed25519CosignatureVerifier witness)
            {
                throw new FormatException($"{key} is not a witness's cosignature key (type 0x04).");
            }
            var lines = note.Signatures.Where(s => s.Name == witness.Name && s.KeyId == witness.KeyId).ToList();
            if (lines.Count == 0)
            {
                absent.Add(witness.ToString());
            }
            else if (lines.All(s => witness.Verify(text, s.Signature)))
            {
                cosigned.Add(new Cosigned(witness.Name, witness.ToString(), lines.Min(Ed25519CosignatureVerifier.ReadTimestamp)));
            }
            else
            {
                invalid.Add(witness.ToString());
            }
        }
        return new Result(cosigned, invalid, absent);
    }
}
