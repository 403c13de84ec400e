namespace Vigil.Ledger.Notes;

/// <summary>The keys a client trusts, found by name and key ID. Old log keys stay here after a rotation.</summary>
public sealed class NoteVerifierSet
{
    private readonly Dictionary<(string Name, uint KeyId), NoteVerifier> _verifiers = [];

    /// <summary>A set of the given verifiers; two with the same name and key ID are an error.</summary>
    public NoteVerifierSet(params IEnumerable<NoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        foreach (var verifier in verifiers)
        {
            if (!_verifiers.TryAdd((verifier.Name, verifier.KeyId), verifier))
            {
                throw new ArgumentException($"Two verifiers for {verifier}.", nameof(verifiers));
            }
        }
    }

    /// <summary>The verifiers in the set.</summary>
    public IReadOnlyCollection<NoteVerifier> Verifiers => _verifiers.Values;

    /// <summary>A set of verifiers parsed from verifier key strings (see <see cref="NoteVerifier.Parse"/>).</summary>
    public static NoteVerifierSet Parse(params IEnumerable<string> verifierKeys) =>
        new(verifierKeys.Select(NoteVerifier.Parse));

    /// <summary>Finds the verifier with exactly this name and key ID.</summary>
    public NoteVerifier? Find(string name, uint keyId) => _verifiers.GetValueOrDefault((name, keyId));
}
