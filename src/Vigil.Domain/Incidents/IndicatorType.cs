using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Vigil.Domain.Incidents;

/// <summary>The kinds of indicator of compromise a report may carry, each with the check its value must pass.</summary>
public static partial class IndicatorType
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    private static readonly Dictionary<string, Func<string, string?>> Checks = new(StringComparer.Ordinal)
    {
        ["domain"] = CheckDomain,
        ["url"] = CheckUrl,
        ["ipv4"] = CheckIpv4,
        ["ipv6"] = CheckIpv6,
        ["email"] = v => EmailPattern().IsMatch(v) ? null : "is not an e-mail address",
        ["md5"] = v => CheckHex(v, 32),
        ["sha1"] = v => CheckHex(v, 40),
        ["sha256"] = v => CheckHex(v, 64),
        ["sha512"] = v => CheckHex(v, 128),
        ["file_name"] = v => v.IndexOfAny(['/', '\0']) >= 0 ? "is a path, not a file name" : null,
        ["process_name"] = _ => null,
        ["app_id"] = v => AppIdPattern().IsMatch(v) ? null : "is not an app identifier (letters, digits, '.', '_', '-')",
    };

    public static IReadOnlyCollection<string> All => Checks.Keys;

    public static bool IsKnown(string type) => Checks.ContainsKey(type);

    /// <summary>Null when the value is acceptable for the type, otherwise what is wrong with it.</summary>
    public static string? Check(string type, string value) => Checks[type](value);

    private static string? CheckDomain(string value)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(value.TrimEnd('.'));
        }
        catch (ArgumentException)
        {
            return "is not a domain name";
        }
        return ascii.Length <= 253 && ascii.Split('.').All(label => DomainLabelPattern().IsMatch(label)) ? null : "is not a domain name";
    }

    private static string? CheckUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) && !uri.IsFile
            ? null
            : "is not an absolute URL with a scheme and a host";

    private static string? CheckIpv4(string value)
    {
        var (address, prefix) = SplitPrefix(value);
        var ok = Ipv4Pattern().IsMatch(address)
            && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
            && (prefix is null || (int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits <= 32));
        return ok ? null : "is not an IPv4 address or CIDR block";
    }

    private static string? CheckIpv6(string value)
    {
        var (address, prefix) = SplitPrefix(value);
        var ok = address.Contains(':', StringComparison.Ordinal)
            && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
            && (prefix is null || (int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits <= 128));
        return ok ? null : "is not an IPv6 address or CIDR block";
    }

    private static (string Address, string? Prefix) SplitPrefix(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (value, null) : (value[..slash], value[(slash + 1)..]);
    }

    private static string? CheckHex(string value, int length) =>
        value.Length == length && value.All(char.IsAsciiHexDigit) ? null : $"is not {length} hexadecimal digits";

    [GeneratedRegex("^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")]
    private static partial Regex DomainLabelPattern();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex AppIdPattern();
}
