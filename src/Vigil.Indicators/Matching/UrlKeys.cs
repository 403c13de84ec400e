namespace Vigil.Indicators.Matching;

/// <summary>
/// The comparable form of a URL: host (as a normalised domain) followed by path and query. The scheme is left out
/// because URLs in text often have none; the port and user info because they do not change where a URL leads.
/// </summary>
internal static class UrlKeys
{
    public static string? Key(ReadOnlySpan<char> url)
    {
        Split(url, out var host, out var rest);
        var domain = DomainNames.Normalize(host);
        if (domain is null) { return null; }
        // "http://evil.com" and "http://evil.com/" lead to the same place.
        return rest.IsEmpty || rest is "/" ? domain + "/" : string.Concat(domain, rest);
    }

    /// <summary>Splits a URL, with or without scheme, into its host and the path-and-query (fragment dropped).</summary>
    public static void Split(ReadOnlySpan<char> url, out ReadOnlySpan<char> host, out ReadOnlySpan<char> pathAndQuery)
    {
        var scheme = url.IndexOf("://");
        if (scheme >= 0) { url = url[(scheme + 3)..]; }
        var fragment = url.IndexOf('#');
        if (fragment >= 0) { url = url[..fragment]; }
        var end = url.IndexOfAny('/', '?');
        var authority = end < 0 ? url : url[..end];
        pathAndQuery = end < 0 ? [] : url[end..];
        var at = authority.LastIndexOf('@');
        if (at >= 0) { authority = authority[(at + 1)..]; }
        host = StripPort(authority);
    }

    private static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return close > 0 ? authority[1..close] : authority;
        }
        var colon = authority.LastIndexOf(':');
        return colon >= 0 ? authority[..colon] : authority;
    }
}
