using System.Text;

namespace Vigil.Ledger.Notes;

/// <summary>
/// A C2SP signed note: a text ending in a newline, a blank line, then one or more signature lines.
/// Parsing checks only the format; <see cref="Verify"/> checks signatures against known keys.
/// </summary>
public sealed class SignedNote
{
    /// <summary>The most signature lines accepted, as golang.org/x/mod/sumdb/note does (C2SP asks for at least 16).</summary>
    public const int MaxSignatures = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A note of <paramref name="text"/> with <paramref name="signatures"/>.</summary>
    public SignedNote(string text, IEnumerable<NoteSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signatures);
        if (!text.EndsWith('\n') || !NoteText.IsAllowedNoteText(text))
        {
            throw new FormatException("Malformed note text: it must end in a newline and contain no control characters.");
        }

        Text = text;
        Signatures = [.. signatures];
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    /// <summary>The signature lines, in order.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Signs <paramref name="text"/> with each signer, in order.</summary>
    public static SignedNote Sign(string text, params IEnumerable<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        var note = new SignedNote(text, []);
        return note.WithSignatures(signers.Select(s => s.SignText(text)));
    }

    /// <summary>Parses a note from UTF-8 bytes, rejecting invalid UTF-8; throws <see cref="FormatException"/>.</summary>
    public static SignedNote Parse(ReadOnlySpan<byte> utf8)
    {
        string message;
        try
        {
            message = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("Malformed note: not valid UTF-8.", e);
        }

        return Parse(message);
    }

    /// <summary>Parses a note; throws <see cref="FormatException"/> if it is malformed.</summary>
    public static SignedNote Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!NoteText.IsAllowedNoteText(message))
        {
            throw new FormatException("Malformed note: invalid Unicode or a control character.");
        }

        var split = message.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException("Malformed note: no blank line before the signatures.");
        }

        var text = message[..(split + 1)];
        var block = message[(split + 2)..];
        if (block.Length == 0 || !block.EndsWith('\n'))
        {
            throw new FormatException("Malformed note: the signatures must end in a newline.");
        }

        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new FormatException($"Malformed note: more than {MaxSignatures} signatures.");
        }

        var signatures = lines.Select(l => NoteSignature.TryParseLine(l) ?? throw new FormatException("Malformed note: bad signature line.")).ToList();
        return new SignedNote(text, signatures);
    }

    /// <summary>Parses and verifies a note in one step.</summary>
    public static NoteVerification Open(string message, NoteVerifierSet verifiers) => Parse(message).Verify(verifiers);

    /// <summary>This note with further signatures (a witness's cosignature, a new key's signature) appended.</summary>
    public SignedNote WithSignatures(IEnumerable<NoteSignature> signatures) => new(Text, Signatures.Concat(signatures));

    /// <summary>
    /// Checks every signature from a known key (same name and key ID) and ignores the others. Throws
    /// <see cref="LedgerVerificationException"/> if a known key's signature fails or none verifies.
    /// </summary>
    public NoteVerification Verify(NoteVerifierSet verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var text = Encoding.UTF8.GetBytes(Text);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        foreach (var signature in Signatures)
        {
            var verifier = verifiers.Find(signature.Name, signature.KeyId);
            var seen = verifier is null ? unverified : verified;
            if (seen.Any(s => s.Name == signature.Name && s.KeyId == signature.KeyId && (verifier is not null || s.Equals(signature))))
            {
                continue;
            }

            if (verifier is not null && !verifier.Verify(text, signature.Signature))
            {
                throw new LedgerVerificationException($"Invalid signature for key {verifier}.");
            }

            seen.Add(signature);
        }

        return verified.Count == 0
            ? throw new LedgerVerificationException("The note has no verifiable signatures.")
            : new NoteVerification(Text, verified, unverified);
    }

    /// <summary>The note as text: the text, a blank line, then the signature lines.</summary>
    public override string ToString() => Text + "\n" + string.Concat(Signatures.Select(s => s.ToLine()));
}
