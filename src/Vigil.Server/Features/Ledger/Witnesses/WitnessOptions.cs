namespace Vigil.Server.Features.Ledger.Witnesses;

/// <summary>One witness in Ledger:Witnesses: who it is, where it listens, and the key its cosignatures verify with.</summary>
public sealed class WitnessOptions
{
    /// <summary>The witness's name, as in its key, e.g. "witness.ministry.example".</summary>
    public string Name { get; set; } = "";

    /// <summary>Its submission prefix: add-checkpoint is POSTed to {Url}/add-checkpoint.</summary>
    public string Url { get; set; } = "";

    /// <summary>Its verifier key (signed-note format, type 0x04): name+keyid+base64.</summary>
    public string VerifierKey { get; set; } = "";
}
