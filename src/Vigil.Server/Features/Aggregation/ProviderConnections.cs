using System.Net;
using System.Net.Sockets;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// The handler under every request to a provider. A provider chooses the URLs Vigil fetches (its metadata, feeds,
/// documents, keys and their redirects), so by default each connection is checked where it is made: the host is
/// resolved once, refused when any of its addresses is not public (<see cref="PublicAddress"/>), and the socket
/// connects to those same addresses, so a name that resolves otherwise a moment later (DNS rebinding) changes nothing.
/// Redirects open their connections through the same check. No proxy is used then, as through a proxy the address
/// reached is not Vigil's to see. Aggregation:AllowPrivateNetworks leaves the default handler, proxy and all.
/// </summary>
public static class ProviderConnections
{
    public static SocketsHttpHandler CreateHandler(bool allowPrivateNetworks) =>
        CreateHandler(allowPrivateNetworks ? null : PublicAddress.IsPublic);

    /// <summary>A handler that connects only to addresses <paramref name="allowed"/> accepts; null accepts any.</summary>
    public static SocketsHttpHandler CreateHandler(Func<IPAddress, bool>? allowed)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
        };
        if (allowed is not null)
        {
            handler.UseProxy = false;
            handler.ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowed, cancellationToken);
        }
        return handler;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, Func<IPAddress, bool> allowed, CancellationToken cancellationToken)
    {
        var host = endPoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        if (!addresses.All(allowed))
        {
            throw new NonPublicAddressException(endPoint.Host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A provider's URL (or a redirect) led to a host whose address is not public; no connection was made.</summary>
public sealed class NonPublicAddressException(string host) : Exception($"refused to connect to {host}: its address is not public")
{
}
