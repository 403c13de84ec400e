namespace Vigil.Ledger.Notes;

/// <summary>The signature type identifier bytes of C2SP signed-note that this library knows.</summary>
public enum NoteSignatureType : byte
{
    /// <summary>Ed25519 over the note text (0x01).</summary>
    Ed25519 = 0x01,

    /// <summary>ECDSA over the note text, as transparency-dev/witness and Sigstore logs use (0x02).</summary>
    Ecdsa = 0x02,

    /// <summary>Timestamped Ed25519 witness cosignature, C2SP tlog-cosignature (0x04).</summary>
    Ed25519Cosignature = 0x04,
}
