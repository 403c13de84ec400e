using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy (the usual TLS terminator), the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies configured in section <c>Proxies</c> (<c>Known</c>:
/// addresses, <c>Networks</c>: CIDR ranges); with none configured the headers are ignored, so nobody can pick the
/// address the rate limits count or make a plain request look like HTTPS.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var known = configuration.GetSection("Proxies:Known").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Proxies:Networks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what the nearest trusted proxy says counts.
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in known)
            {
                options.KnownProxies.Add(IPAddress.TryParse(address, out var parsed)
                    ? parsed : throw new InvalidOperationException($"Proxies:Known: '{address}' is not an IP address."));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed : throw new InvalidOperationException($"Proxies:Networks: '{network}' is not a CIDR range."));
            }
        });
        return services;
    }

    /// <summary>
    /// Reads the forwarded headers only when some proxy is configured: the framework's middleware believes every
    /// sender when its lists are empty, which is exactly what must not happen.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0) { app.UseForwardedHeaders(); }
        return app;
    }
}
