using System.Net;
using Vigil.Server.Features.Aggregation;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>
/// Which URLs an endpoint may have: absolute https without user information, and, when the host is an address, a
/// public one. A host name is checked where it matters, at each connection (<see cref="ProviderConnections"/>), since
/// what it resolves to may change. Notifications:AllowPrivateNetworks also takes http and any address.
/// </summary>
public static class WebhookUrls
{
    public const int MaxLength = 2000;

    /// <summary>Why <paramref name="text"/> cannot be an endpoint's URL; null when it can.</summary>
    public static string? Refusal(string text, bool allowPrivateNetworks)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Host.Length == 0)
        {
            return "must be an absolute https URL";
        }
        if (url.Scheme == "http" && !allowPrivateNetworks)
        {
            return "must be an https URL: webhooks carry notifications only over TLS";
        }
        if (url.UserInfo.Length > 0)
        {
            return "must not carry a user name or password: authenticate the webhook by its signature";
        }
        if (url.Fragment.Length > 0)
        {
            return "must not have a fragment (#...)";
        }
        if (!allowPrivateNetworks && (url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && !PublicAddress.IsPublic(address))))
        {
            return "must be on a public address: webhooks are not sent to loopback, private or other special-purpose addresses";
        }
        return null;
    }
}
