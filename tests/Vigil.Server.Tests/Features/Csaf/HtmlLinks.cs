using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>The links of a directory listing, as a tool following them would read them.</summary>
public static partial class HtmlLinks
{
    public static List<string> Of(string html) => [.. Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
