namespace Vigil.Csaf.Distribution;

/// <summary>A provider's metadata, feed, listing, hash or key that cannot be read as CSAF section 7 describes it.</summary>
public sealed class CsafDistributionException(string message) : Exception(message);
