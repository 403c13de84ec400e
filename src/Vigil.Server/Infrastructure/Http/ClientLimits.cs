using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// Applies <see cref="ClientLimitsOptions"/> to Kestrel: timeouts and minimum data rates close slow connections, and
/// size and count limits refuse oversized requests before anything reads them. Every other body is held to the JSON
/// limit; an endpoint that takes files or large documents raises it for itself before reading.
/// </summary>
public static class ClientLimits
{
    public static IServiceCollection AddClientLimits(this IServiceCollection services)
    {
        services.AddOptions<ClientLimitsOptions>().BindConfiguration(ClientLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimitsSetup>();
        return services;
    }

    private sealed class KestrelLimitsSetup(IOptions<ClientLimitsOptions> options) : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions kestrel)
        {
            var chosen = options.Value;
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = JsonBody.MaxBytes + 1;
            limits.RequestHeadersTimeout = chosen.RequestHeadersTimeout;
            limits.KeepAliveTimeout = chosen.KeepAliveTimeout;
            limits.MinRequestBodyDataRate = new MinDataRate(chosen.MinRequestBodyBytesPerSecond, chosen.MinRequestBodyGracePeriod);
            limits.MinResponseDataRate = new MinDataRate(chosen.MinResponseBytesPerSecond, chosen.MinResponseGracePeriod);
            limits.MaxConcurrentConnections = chosen.MaxConcurrentConnections;
            limits.MaxConcurrentUpgradedConnections = chosen.MaxConcurrentUpgradedConnections;
            limits.MaxRequestLineSize = chosen.MaxRequestLineSize;
            limits.MaxRequestHeadersTotalSize = chosen.MaxRequestHeadersTotalSize;
            limits.MaxRequestHeaderCount = chosen.MaxRequestHeaderCount;
            limits.Http2.MaxStreamsPerConnection = chosen.Http2MaxStreamsPerConnection;
            limits.Http2.MaxRequestHeaderFieldSize = chosen.Http2MaxRequestHeaderFieldSize;
            // No "Server: Kestrel": nothing to tell a scanner which exploits to try.
            kestrel.AddServerHeader = false;
        }
    }
}
