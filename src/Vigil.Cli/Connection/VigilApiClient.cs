using System.Net.Http.Headers;
using System.Text;

namespace Vigil.Cli.Connection;

/// <summary>What the server answered.</summary>
public sealed record ApiAnswer(int Status, string Body, string? MediaType)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>
/// Calls the Vigil API. POSTs carry an Idempotency-Key and are retried with the same key when the answer is lost,
/// so a retry can never file a report twice.
/// </summary>
public sealed class VigilApiClient(ConnectionSettings settings, HttpMessageHandler? handler = null) : IDisposable
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    private readonly HttpClient _http = CreateClient(settings, handler);

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken, string accept = "application/json") =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd(accept);
            return request;
        }, cancellationToken);

    public Task<ApiAnswer> PostJsonAsync(string path, string json, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var key = idempotencyKey ?? Guid.NewGuid().ToString();
        return SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }, cancellationToken);
    }

    /// <summary>Posts a document byte for byte (no re-encoding), for endpoints that keep what they are sent.</summary>
    public Task<ApiAnswer> PostBytesAsync(string path, byte[] body, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        }, cancellationToken);

    /// <summary>A PUT replaces a draft whole, so repeating it is harmless without a key.</summary>
    public Task<ApiAnswer> PutJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, cancellationToken);

    /// <summary>A PATCH sets the fields it names to the values given, so repeating it is harmless without a key.</summary>
    public Task<ApiAnswer> PatchJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, cancellationToken);

    /// <summary>A DELETE ends something (a token): repeating it finds it already ended, so it needs no key.</summary>
    public Task<ApiAnswer> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    private async Task<ApiAnswer> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var message = request();
                using var response = await _http.SendAsync(message, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode < 500 || attempt == Backoff.Length)
                {
                    return new ApiAnswer((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
                }
            }
            catch (HttpRequestException) when (attempt < Backoff.Length)
            {
                // The answer may have been lost after the server acted: the same key makes the retry harmless.
            }
            await Task.Delay(Backoff[attempt], cancellationToken);
        }
    }

    private static HttpClient CreateClient(ConnectionSettings settings, HttpMessageHandler? handler)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = settings.Server;
        client.Timeout = settings.Timeout;
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("vigil-cli", "1.0"));
        if (settings.Token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        }
        return client;
    }

    public void Dispose() => _http.Dispose();
}
