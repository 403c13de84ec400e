using System.Text;
using Vigil.Csaf.Distribution;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// Finds a provider's provider-metadata.json as CSAF section 7.3.1 says a client does: the URL itself when it names a
/// .json file; otherwise /.well-known/csaf/provider-metadata.json on its host, then the CSAF lines of its
/// /.well-known/security.txt. A bare domain is taken as https.
/// </summary>
public sealed class ProviderLocator(ProviderFetcher fetcher)
{
    /// <summary>The URL to start from, or null when the text is neither an http(s) URL nor a domain.</summary>
    public static Uri? Candidate(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Contains("://", StringComparison.Ordinal) ? HttpUrl.Parse(trimmed)
            : trimmed.Length > 0 && !trimmed.Contains(' ', StringComparison.Ordinal) ? HttpUrl.Parse("https://" + trimmed) : null;
    }

    /// <summary>The metadata's URL with what it says, or why none was found.</summary>
    public async Task<(Uri? Url, ProviderMetadata? Metadata, string? Problem)> LocateAsync(Uri start, CancellationToken cancellationToken)
    {
        if (start.AbsolutePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var (metadata, problem) = await ReadAsync(start, cancellationToken);
            return (metadata is null ? null : start, metadata, problem);
        }
        var tried = new List<string>();
        var wellKnown = new Uri(start, "/.well-known/csaf/provider-metadata.json");
        var (found, why) = await ReadAsync(wellKnown, cancellationToken);
        if (found is not null)
        {
            return (wellKnown, found, null);
        }
        tried.Add($"{wellKnown}: {why}");
        var securityTxt = new Uri(start, "/.well-known/security.txt");
        var text = await fetcher.GetAsync(securityTxt, ProviderFetcher.MaxMetadataBytes, cancellationToken);
        foreach (var line in text.Body is null ? [] : Encoding.UTF8.GetString(text.Body).Split('\n'))
        {
            if (line.StartsWith("CSAF:", StringComparison.OrdinalIgnoreCase) && HttpUrl.Parse(line["CSAF:".Length..]) is { } listed)
            {
                (found, why) = await ReadAsync(listed, cancellationToken);
                if (found is not null)
                {
                    return (listed, found, null);
                }
                tried.Add($"{listed}: {why}");
            }
        }
        tried.Add(text.Body is null ? $"{securityTxt}: {text.Problem}" : $"{securityTxt}: no usable CSAF line");
        return (null, null, "no provider-metadata.json found (" + string.Join("; ", tried) + ")");
    }

    /// <summary>Fetches and reads provider-metadata.json.</summary>
    public async Task<(ProviderMetadata? Metadata, string? Problem)> ReadAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.GetAsync(url, ProviderFetcher.MaxMetadataBytes, cancellationToken);
        if (fetched.Body is null)
        {
            return (null, fetched.Problem);
        }
        try
        {
            return (ProviderMetadata.Read(fetched.Body), null);
        }
        catch (CsafDistributionException e)
        {
            return (null, e.Message);
        }
    }
}
