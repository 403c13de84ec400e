using System.Globalization;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.Ledger.Witnesses;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// When a receipt whose checkpoint carries the witnesses' cosignatures can be fetched: the cosigner asks every witness
/// about the latest checkpoint once per <see cref="LedgerOptions.CheckpointInterval"/>, and a witness answers within
/// <see cref="WitnessClient.Timeout"/>, so the next round after a submission covers it. A witness that is down is asked
/// again with backoff, so this is an expectation, not a promise.
/// </summary>
public sealed class CosignedReceipts(IOptions<LedgerOptions> options)
{
    /// <summary>Where to fetch it, which witnesses will cosign, from when to expect it (null: never, no witnesses), and that in words.</summary>
    public sealed record Expected(string Url, IReadOnlyList<string> Witnesses, DateTimeOffset? ExpectedBy, string Detail);

    public Expected For(long leafIndex, DateTimeOffset from)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"/api/v1/receipts/{leafIndex}");
        var witnesses = options.Value.Witnesses.Select(w => w.Name).ToList();
        if (witnesses.Count == 0)
        {
            return new Expected(url, [], null, "No witnesses are configured: receipts carry the log's signature alone, and no cosigned receipt will come.");
        }
        var by = from + options.Value.CheckpointInterval + WitnessClient.Timeout;
        // Whole seconds, rounded up: an expectation, read by people.
        by = DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling(by.ToUnixTimeMilliseconds() / 1000.0));
        return new Expected(url, witnesses, by,
            $"The witnesses ({string.Join(", ", witnesses)}) are asked to cosign each new checkpoint; from {by:yyyy-MM-dd'T'HH:mm:ss'Z'} "
            + $"GET {url} (or `vigil receipt refresh`) should give this receipt proved in a cosigned checkpoint, unless a witness is unreachable.");
    }
}
