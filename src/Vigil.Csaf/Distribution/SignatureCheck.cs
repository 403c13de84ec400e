namespace Vigil.Csaf.Distribution;

/// <summary>What checking a detached OpenPGP signature found.</summary>
public enum SignatureStatus
{
    /// <summary>The signature verifies with one of the keys.</summary>
    Valid,

    /// <summary>The signature is not one, or does not match the document: the document must not be trusted.</summary>
    Bad,

    /// <summary>
    /// The signature is by a key that is not among the keys given. Whether that is bad depends on whether every key the
    /// provider publishes could be read: if one could not, the signature could not be checked.
    /// </summary>
    UnknownKey,

    /// <summary>The signature could not be checked (the key or algorithm cannot be used); nothing is known of the document.</summary>
    Unchecked,
}

/// <summary>The outcome of <see cref="OpenPgpSignatures.Check"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Reason">Why it is not valid; null when it is.</param>
public sealed record SignatureCheck(SignatureStatus Status, string? Reason)
{
    /// <summary>A signature that verifies.</summary>
    public static readonly SignatureCheck Valid = new(SignatureStatus.Valid, null);

    /// <summary>Whether the signature verifies.</summary>
    public bool IsValid => Status == SignatureStatus.Valid;
}
