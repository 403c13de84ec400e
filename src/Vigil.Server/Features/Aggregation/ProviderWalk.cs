using System.Text;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Vigil.Csaf.Distribution;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// What a provider's metadata leads to: its public keys, and every document its public distributions list (the
/// ROLIE feeds labelled WHITE, CLEAR or UNLABELED; for a distribution without feeds, its directory's changes.csv and
/// index.txt). A key, feed or listing that cannot be read is reported and the rest goes on.
/// </summary>
public sealed class ProviderWalk(ProviderFetcher fetcher)
{
    /// <summary>Feeds a follower without credentials reads; the others need an account at the provider.</summary>
    public static readonly IReadOnlySet<string> PublicLabels = new HashSet<string>(["WHITE", "CLEAR", "UNLABELED"]);

    /// <summary>A key file as the provider served it, with its primary key's fingerprint (upper-case hex).</summary>
    public sealed record KeyFile(string Fingerprint, byte[] Content);

    /// <param name="KeyProblems">Each key of the metadata that could not be fetched or read: its URL and why.</param>
    public sealed record Result(
        IReadOnlyList<PgpPublicKey> Keys, IReadOnlyList<KeyFile> KeyFiles, IReadOnlyList<DocumentLocation> Documents, IReadOnlyList<RunOutcome> Problems,
        IReadOnlyList<string> KeyProblems);

    public async Task<Result> WalkAsync(ProviderMetadata metadata, CancellationToken cancellationToken)
    {
        var problems = new List<RunOutcome>();
        var keys = new List<PgpPublicKey>();
        var keyFiles = new List<KeyFile>();
        var keyProblems = new List<string>();
        foreach (var reference in metadata.Keys)
        {
            var fetched = await fetcher.GetAsync(reference.Url, ProviderFetcher.MaxMetadataBytes, cancellationToken);
            try
            {
                var read = fetched.Body is null
                    ? throw new CsafDistributionException(fetched.Problem!)
                    : OpenPgpSignatures.ReadKey(fetched.Body, reference.Fingerprint);
                keys.AddRange(read);
                keyFiles.Add(new KeyFile(Convert.ToHexString(read[0].GetFingerprint()), fetched.Body));
            }
            catch (CsafDistributionException e)
            {
                problems.Add(RunOutcome.Refuse(reference.Url, "OpenPGP key: " + e.Message));
                keyProblems.Add($"{reference.Url.AbsoluteUri}: {e.Message}");
            }
        }

        var documents = new Dictionary<string, DocumentLocation>(StringComparer.Ordinal);
        foreach (var feed in metadata.Feeds)
        {
            if (!PublicLabels.Contains(feed.TlpLabel))
            {
                problems.Add(RunOutcome.Skip(feed.Url, $"a TLP:{feed.TlpLabel} feed: only public feeds (WHITE, CLEAR, UNLABELED) are followed"));
                continue;
            }
            var fetched = await fetcher.GetAsync(feed.Url, ProviderFetcher.MaxListingBytes, cancellationToken);
            try
            {
                var (entries, entryProblems) = RolieFeed.Read(fetched.Body ?? throw new CsafDistributionException(fetched.Problem!), feed.Url);
                problems.AddRange(entryProblems.Select(p => RunOutcome.Refuse(feed.Url, "ROLIE feed: " + p)));
                foreach (var entry in entries)
                {
                    documents.TryAdd(entry.Document.AbsoluteUri, entry);
                }
            }
            catch (CsafDistributionException e)
            {
                problems.Add(RunOutcome.Refuse(feed.Url, "ROLIE feed: " + e.Message));
            }
        }
        foreach (var directory in metadata.Directories)
        {
            foreach (var location in await ListDirectoryAsync(directory, problems, cancellationToken))
            {
                documents.TryAdd(location.Document.AbsoluteUri, location);
            }
        }
        return new Result(keys, keyFiles, [.. documents.Values], problems, keyProblems);
    }

    /// <summary>The union of changes.csv and index.txt: either may be missing, not both.</summary>
    private async Task<List<DocumentLocation>> ListDirectoryAsync(Uri directory, List<RunOutcome> problems, CancellationToken cancellationToken)
    {
        var folder = directory.AbsoluteUri.EndsWith('/') ? directory : new Uri(directory.AbsoluteUri + "/");
        var changes = await fetcher.GetAsync(new Uri(folder, "changes.csv"), ProviderFetcher.MaxListingBytes, cancellationToken);
        var index = await fetcher.GetAsync(new Uri(folder, "index.txt"), ProviderFetcher.MaxListingBytes, cancellationToken);
        if (changes.Body is null && index.Body is null)
        {
            problems.Add(RunOutcome.Refuse(folder, $"directory: neither changes.csv ({changes.Problem}) nor index.txt ({index.Problem}) can be read"));
            return [];
        }
        var paths = (changes.Body is null ? [] : DirectoryListing.ReadChanges(Encoding.UTF8.GetString(changes.Body)))
            .Concat(index.Body is null ? [] : DirectoryListing.ReadIndex(Encoding.UTF8.GetString(index.Body)));
        var locations = new List<DocumentLocation>();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (DirectoryListing.Resolve(folder, path) is { } url)
            {
                locations.Add(DocumentLocation.Beside(url));
            }
            else
            {
                problems.Add(new RunOutcome(folder.AbsoluteUri, RunOutcome.Refused, $"directory: the listed path '{path}' is not a document of this directory"));
            }
        }
        return locations;
    }
}
