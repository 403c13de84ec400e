using Microsoft.Extensions.Options;
using Vigil.Csaf.Distribution;

namespace Vigil.Server.Features.Aggregation;

/// <summary>What one GET brought: the body, or why not (a status, a network failure, too large, a timeout).</summary>
public sealed record Fetched(byte[]? Body, int Status, string? Problem)
{
    /// <summary>The provider answered 404 or 410: the file is not published.</summary>
    public bool IsMissing => Status is 404 or 410;
}

/// <summary>
/// Every outgoing request to another provider: only http(s), through IHttpClientFactory (redirect limit and the
/// refusal of non-public addresses set there, see <see cref="ProviderConnections"/>), each body read up to a limit of
/// its own and refused beyond it. The request timeout covers the body too: the client's own timeout stops at the
/// headers when the body is streamed, and a provider sending a byte now and then would otherwise hold the run for ever.
/// A refused address is reported as such, with none of the connection's error text.
/// </summary>
public sealed class ProviderFetcher(IHttpClientFactory clients, IOptions<AggregationOptions> options)
{
    public const string ClientName = "csaf-providers";

    public const int MaxListingBytes = 32 * 1024 * 1024;
    public const int MaxMetadataBytes = 1024 * 1024;
    public const int MaxHashBytes = 4 * 1024;
    public const int MaxSignatureBytes = 64 * 1024;

    public async Task<Fetched> GetAsync(Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        if (HttpUrl.Parse(url.AbsoluteUri) is null)
        {
            return new Fetched(null, 0, "not an http(s) URL");
        }
        var client = clients.CreateClient(ClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            return await ReadAsync(client, url, maxBytes, timeout.Token);
        }
        catch (HttpRequestException e) when (e.InnerException is NonPublicAddressException refused)
        {
            return new Fetched(null, 0, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new Fetched(null, 0, $"the request failed: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Fetched(null, 0, "the request timed out");
        }
    }

    private static async Task<Fetched> ReadAsync(HttpClient client, Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new Fetched(null, (int)response.StatusCode, $"the provider answered HTTP {(int)response.StatusCode}");
        }
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return new Fetched(buffer.ToArray(), (int)response.StatusCode, null);
    }

    private static Fetched TooLarge(int maxBytes) => new(null, 0, $"larger than the {maxBytes} bytes allowed");
}
