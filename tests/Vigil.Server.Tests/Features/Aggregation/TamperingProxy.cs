using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// A reverse proxy on loopback in front of a Vigil server, as Vigil runs in production, that can alter what it passes
/// on: one document's bytes (its hashes and signature passed on untouched, as a corrupted or tampered copy would be),
/// or a document together with hashes recomputed over the altered bytes (someone who can rewrite files but does not
/// hold the signing key).
/// </summary>
public sealed class TamperingProxy : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, bool> _tampered = new(StringComparer.Ordinal);
    private readonly HttpClient _upstream = new();
    private LoopbackHttpServer _server = null!;

    public Uri Address => _server.Address;

    /// <summary>Where requests go; set once the server behind is started (it needs the proxy's address first).</summary>
    public Uri? Upstream { get; set; }

    public static async Task<TamperingProxy> StartAsync()
    {
        var proxy = new TamperingProxy();
        proxy._server = await LoopbackHttpServer.StartAsync(proxy.ForwardAsync);
        return proxy;
    }

    /// <summary>Alters the document at <paramref name="path"/>; with <paramref name="rehash"/>, its .sha256 and .sha512 follow the altered bytes.</summary>
    public void Tamper(string path, bool rehash) => _tampered[path] = rehash;

    /// <summary>The altered bytes: the first "title" of the document changed.</summary>
    public static byte[] Alter(byte[] document)
    {
        var text = Encoding.UTF8.GetString(document);
        var at = text.IndexOf("\"title\": \"", StringComparison.Ordinal) + "\"title\": \"".Length;
        return Encoding.UTF8.GetBytes(text[..at] + "Tampered: " + text[at..]);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var hashed = path.EndsWith(".sha256", StringComparison.Ordinal) || path.EndsWith(".sha512", StringComparison.Ordinal);
        var documentPath = hashed ? path[..^".sha256".Length] : path;
        using var response = await _upstream.GetAsync(new Uri(Upstream!, path + context.Request.QueryString));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (_tampered.TryGetValue(path, out _))
        {
            body = Alter(body);
        }
        else if (hashed && _tampered.TryGetValue(documentPath, out var rehash) && rehash)
        {
            var altered = Alter(await _upstream.GetByteArrayAsync(new Uri(Upstream!, documentPath)));
            var digest = path.EndsWith(".sha256", StringComparison.Ordinal) ? SHA256.HashData(altered) : SHA512.HashData(altered);
            body = Encoding.UTF8.GetBytes($"{Convert.ToHexStringLower(digest)}  {Path.GetFileName(documentPath)}\n");
        }
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _upstream.Dispose();
    }
}
