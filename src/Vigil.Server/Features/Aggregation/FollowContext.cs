using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Vigil.Server.Features.Aggregation;

/// <summary>What each document of one run is checked against, and on whose behalf it is stored.</summary>
/// <param name="ProviderId">The followed provider.</param>
/// <param name="PublisherNamespace">The provider's publisher namespace: its documents must carry the same.</param>
/// <param name="Keys">The provider's public OpenPGP keys that could be read.</param>
/// <param name="ImportedBy">The analyst who asked for the run; null for a scheduled run.</param>
/// <param name="KeyProblems">Each of the provider's keys that could not be fetched or read, with why: a signature by none of <paramref name="Keys"/> could then not be checked.</param>
/// <param name="NamespaceRefusal">
/// Why documents under the provider's namespace are refused when another provider holds it (<see cref="PublisherNamespaceClaims"/>); null when it is the provider's.
/// </param>
public sealed record FollowContext(long ProviderId, string PublisherNamespace, IReadOnlyList<PgpPublicKey> Keys, string? ImportedBy, string? NamespaceRefusal = null)
{
    public IReadOnlyList<string> KeyProblems { get; init; } = [];
}
