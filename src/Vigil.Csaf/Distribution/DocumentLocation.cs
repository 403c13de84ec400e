namespace Vigil.Csaf.Distribution;

/// <summary>
/// Where one CSAF document and its companions are served. The hash and signature URLs are the ones a ROLIE entry
/// links, or the document URL with .sha256, .sha512 and .asc appended (CSAF requirements 18 and 19).
/// </summary>
/// <param name="Document">The document.</param>
/// <param name="Sha256">Its SHA-256 file.</param>
/// <param name="Sha512">Its SHA-512 file.</param>
/// <param name="Signature">Its detached, armoured OpenPGP signature.</param>
public sealed record DocumentLocation(Uri Document, Uri Sha256, Uri Sha512, Uri Signature)
{
    /// <summary>The companions at their conventional places beside the document.</summary>
    /// <param name="document">The document's URL.</param>
    /// <returns>The location.</returns>
    public static DocumentLocation Beside(Uri document) =>
        new(document, new Uri(document + ".sha256"), new Uri(document + ".sha512"), new Uri(document + ".asc"));
}
