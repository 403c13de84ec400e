namespace Vigil.Csaf.Distribution;

/// <summary>The only addresses a follower fetches: absolute http and https URLs.</summary>
public static class HttpUrl
{
    /// <summary>The URL when <paramref name="text"/> is an absolute http(s) URL with a host; otherwise null.</summary>
    /// <param name="text">The candidate URL.</param>
    /// <param name="relativeTo">Resolves a relative reference against this URL first, when given.</param>
    /// <returns>The URL, or null.</returns>
    public static Uri? Parse(string? text, Uri? relativeTo = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        Uri? url;
        if (relativeTo is null ? !Uri.TryCreate(text.Trim(), UriKind.Absolute, out url) : !Uri.TryCreate(relativeTo, text.Trim(), out url))
        {
            return null;
        }
        return url.Scheme is "http" or "https" && url.Host.Length > 0 && url.UserInfo.Length == 0 ? url : null;
    }
}
