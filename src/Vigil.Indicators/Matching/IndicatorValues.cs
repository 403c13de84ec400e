using System.Globalization;
using System.Net;

namespace Vigil.Indicators.Matching;

/// <summary>Turns an indicator's literal into the form the index stores, or says why it cannot be matched.</summary>
internal static class IndicatorValues
{
    public static (string? Value, string? Problem) Normalize(ObservableKind kind, string literal) => kind switch
    {
        ObservableKind.Domain => DomainNames.Normalize(literal) is { } domain ? (domain, null) : (null, $"'{literal}' is not a domain name"),
        ObservableKind.Url => UrlKeys.Key(literal.Trim()) is { } url ? (url, null) : (null, $"'{literal}' is not a URL"),
        ObservableKind.Ipv4 or ObservableKind.Ipv6 => Address(literal),
        ObservableKind.Email => (literal.Trim().ToLowerInvariant(), null),
        ObservableKind.Hash => IsHex(literal) ? (literal.ToLowerInvariant(), null) : (null, $"'{literal}' is not a hex hash"),
        ObservableKind.AppId => (literal.Trim().ToLowerInvariant(), null),
        _ => (literal, null),
    };

    private static (string?, string?) Address(string literal)
    {
        var text = literal.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // A single-address range is an address; wider CIDR ranges would need range lookups, which are not built.
            var bits = text[(slash + 1)..];
            var single = IPAddress.TryParse(text[..slash], out var network)
                && bits == (network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "32" : "128");
            if (!single) { return (null, $"address range '{literal}' is not supported, only single addresses"); }
            text = text[..slash];
        }
        return IPAddress.TryParse(text, out var address) ? (address.ToString(), null) : (null, $"'{literal}' is not an IP address");
    }

    private static bool IsHex(string value) =>
        value.Length is 32 or 40 or 64 or 128 && value.All(char.IsAsciiHexDigit);

    /// <summary>The comparable form of an observed address.</summary>
    public static string? ObservedAddress(ReadOnlySpan<char> text) =>
        IPAddress.TryParse(text, out var address) ? address.ToString() : null;

    internal static string Describe(ObservableKind kind) => kind.ToString().ToLower(CultureInfo.InvariantCulture);
}
