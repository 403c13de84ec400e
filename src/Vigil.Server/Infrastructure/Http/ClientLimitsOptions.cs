using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// What Kestrel allows each client, so that many slow connections or very large requests cannot starve the others.
/// Section "ClientLimits" (e.g. <c>--ClientLimits:RequestHeadersTimeout=00:00:05</c>); docs/operations.md, "Slow and
/// hostile clients", says what a client sees for each. Bodies: the JSON limit is <see cref="JsonBody.MaxBytes"/>, the
/// upload limit <c>Attachments:MaxBytes</c>.
/// </summary>
public sealed class ClientLimitsOptions
{
    public const string Section = "ClientLimits";

    /// <summary>Time to send a request's whole header block: a client sending it a byte at a time is closed after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = Section + ":RequestHeadersTimeout must be from 00:00:01 to 00:05:00.")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle kept-alive connection stays open between requests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Section + ":KeepAliveTimeout must be from 00:00:01 to 01:00:00.")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A body arriving slower than this (after the grace period) is cut off: 408 and the connection closed.</summary>
    [Range(1d, 10d * 1024 * 1024, ErrorMessage = Section + ":MinRequestBodyBytesPerSecond must be from 1 to 10485760.")]
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    [Range(typeof(TimeSpan), "00:00:02", "00:01:00", ErrorMessage = Section + ":MinRequestBodyGracePeriod must be from 00:00:02 to 00:01:00 (Kestrel checks rates once a second).")]
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A client reading an answer slower than this (after the grace period) has its connection closed.</summary>
    [Range(1d, 10d * 1024 * 1024, ErrorMessage = Section + ":MinResponseBytesPerSecond must be from 1 to 10485760.")]
    public double MinResponseBytesPerSecond { get; set; } = 240;

    [Range(typeof(TimeSpan), "00:00:02", "00:01:00", ErrorMessage = Section + ":MinResponseGracePeriod must be from 00:00:02 to 00:01:00 (Kestrel checks rates once a second).")]
    public TimeSpan MinResponseGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open connections at once; one more is closed as soon as it is accepted.</summary>
    [Range(1, 1_000_000, ErrorMessage = Section + ":MaxConcurrentConnections must be from 1 to 1000000.")]
    public long MaxConcurrentConnections { get; set; } = 5000;

    /// <summary>Connections upgraded to another protocol (WebSockets): Vigil serves none, so few are allowed.</summary>
    [Range(0, 100_000, ErrorMessage = Section + ":MaxConcurrentUpgradedConnections must be from 0 to 100000.")]
    public long MaxConcurrentUpgradedConnections { get; set; } = 100;

    /// <summary>The request line (method, path and query): longer is 414.</summary>
    [Range(1024, 1024 * 1024, ErrorMessage = Section + ":MaxRequestLineSize must be from 1024 to 1048576.")]
    public int MaxRequestLineSize { get; set; } = 8 * 1024;

    /// <summary>All of a request's headers together (cookies included): larger is 431.</summary>
    [Range(4 * 1024, 1024 * 1024, ErrorMessage = Section + ":MaxRequestHeadersTotalSize must be from 4096 to 1048576.")]
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>How many headers a request may have: more is 431.</summary>
    [Range(10, 1000, ErrorMessage = Section + ":MaxRequestHeaderCount must be from 10 to 1000.")]
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>HTTP/2 requests in flight on one connection; more are refused with RST_STREAM (REFUSED_STREAM).</summary>
    [Range(1, 1000, ErrorMessage = Section + ":Http2MaxStreamsPerConnection must be from 1 to 1000.")]
    public int Http2MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>One HTTP/2 header field, compressed: larger closes the connection (COMPRESSION_ERROR/PROTOCOL_ERROR).</summary>
    [Range(4 * 1024, 1024 * 1024, ErrorMessage = Section + ":Http2MaxRequestHeaderFieldSize must be from 4096 to 1048576.")]
    public int Http2MaxRequestHeaderFieldSize { get; set; } = 16 * 1024;
}
