using System.Buffers;

namespace Vigil.Indicators.Matching;

/// <summary>
/// Finds URLs (with or without scheme), e-mail addresses, domains, IP addresses, absolute paths and hex hashes
/// in free text, and hands each to the session. Nothing is allocated unless a value matches.
/// </summary>
internal static class TextObservableScanner
{
    private static readonly SearchValues<char> Delimiters = SearchValues.Create(" \t\r\n\"'`<>()[]{}|\\,;^*!$");
    private static readonly SearchValues<char> HostEnd = SearchValues.Create("/?#");
    private static readonly SearchValues<char> Signals = SearchValues.Create("./@:=&?#");

    public static void Scan(ReadOnlySpan<char> text, ScanSession session)
    {
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny(Delimiters);
            var token = end < 0 ? text : text[..end];
            if (token.Length >= 3) { Token(token, session); }
            if (end < 0) { break; }
            text = text[(end + 1)..];
        }
    }

    private static void Token(ReadOnlySpan<char> token, ScanSession session)
    {
        // Sentence punctuation is not part of a value: "see evil.com." names evil.com.
        token = token.TrimEnd(".:?#=&%").TrimStart(".:=");
        if (token.Length < 3) { return; }
        // Most tokens are words and numbers: without one of these characters, or a hash's length, none of the
        // branches below can find anything, so one vectorised search settles them.
        if (!token.ContainsAny(Signals) && token.Length is not (32 or 40 or 64 or 128)) { return; }
        if (token[0] == '/')
        {
            session.Observe(ObservableKind.FilePath, token);
            return;
        }
        var scheme = token.IndexOf("://");
        if (scheme > 0)
        {
            session.Observe(ObservableKind.Url, token);
            return;
        }
        var hostEnd = token.IndexOfAny(HostEnd);
        var authority = hostEnd < 0 ? token : token[..hostEnd];
        var equals = authority.IndexOfAny('=', '&');
        if (equals >= 0)
        {
            // key=value pairs in logs: each side on its own.
            Token(token[..equals], session);
            Token(token[(equals + 1)..], session);
            return;
        }
        var at = authority.LastIndexOf('@');
        if (at > 0 && hostEnd < 0 && authority[(at + 1)..].IndexOf(':') < 0)
        {
            session.Observe(ObservableKind.Email, token);
            return;
        }
        if (authority.IndexOf('.') > 0)
        {
            // A host followed by a path is a URL without a scheme; its host is matched as a domain either way.
            var bareHost = hostEnd < 0 && at < 0 && authority.IndexOf(':') < 0 && authority.ContainsAnyExcept(DigitsAndDots);
            session.Observe(bareHost ? ObservableKind.Domain : ObservableKind.Url, token);
            return;
        }
        if (token.Length is 32 or 40 or 64 or 128 && !token.ContainsAnyExcept(Hex))
        {
            session.Observe(ObservableKind.Hash, token);
        }
        else if (token.Count(':') >= 2)
        {
            session.Observe(ObservableKind.Ipv6, token);
        }
    }

    private static readonly SearchValues<char> DigitsAndDots = SearchValues.Create("0123456789.");

    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdefABCDEF");
}
