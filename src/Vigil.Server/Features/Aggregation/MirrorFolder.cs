using Vigil.Csaf.Distribution;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// The folder of a provider's mirror under /.well-known/csaf-aggregator/ (CSAF requirement 23: one folder per mirrored
/// issuing party, named after it): the publisher's name in lower case, each run of characters other than a-z, 0-9,
/// + and - written as one '_', at most 60 characters; a name another provider already has gets the provider's id added.
/// </summary>
public static class MirrorFolder
{
    public const int MaxLength = 60;

    public static string FromPublisher(string publisherName)
    {
        // The file name rule of CSAF section 5.1, without the underscores a name may start or end with.
        var folder = CsafFileName.Normalize(publisherName).Trim('_');
        folder = folder.Length > MaxLength ? folder[..MaxLength].TrimEnd('_') : folder;
        return folder.Length == 0 ? "provider" : folder;
    }

    /// <summary>The folder of a provider whose publisher name another followed provider has already.</summary>
    public static string WithId(string folder, long providerId) => FormattableString.Invariant($"{folder}-{providerId}");
}
