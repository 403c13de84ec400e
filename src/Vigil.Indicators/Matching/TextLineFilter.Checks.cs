namespace Vigil.Indicators.Matching;

// The tests made at each byte the vectorised pass picks out: names, addresses, host starts and path segments.
internal sealed partial class TextLineFilter
{
    // Whether the line must be kept for what is at 'at', one of the bytes IsTrigger picks out.
    private bool Keeps(ReadOnlySpan<byte> text, int at, ref Skipped skipped)
    {
        var b = text[at];
        if (b > 0x7F) { return true; }
        var next = at + 1 < text.Length ? text[at + 1] : (byte)0;
        switch (b)
        {
            case (byte)'.':
                if (IsNameStart(next) && (at + 2 >= text.Length || _lastLabelStarts.Contains(next, text[at + 2])) && EndsInName(text, at))
                {
                    return true;
                }
                if (char.IsAsciiDigit((char)next) && _addresses.HasIpv4 && at >= skipped.Ipv4)
                {
                    var (from, to) = Run(text, at, Ipv4Class);
                    skipped.Ipv4 = to;
                    return IsHostRun(text, from, to) && _addresses.IsIpv4Indicator(text[from..to].Trim((byte)'.'));
                }
                return false;
            case (byte)':':
                if (next == '/' && at + 2 < text.Length && text[at + 2] == '/' && IsHostAt(text, at + 3)) { return true; }
                if (IsHostBeforePort(text, at)) { return true; }
                if (_addresses.HasIpv6 && at >= skipped.Ipv6)
                {
                    var (from, to) = Run(text, at, Ipv6Class);
                    skipped.Ipv6 = to;
                    // Only its start: a URL's port is whatever follows the last colon, letters too.
                    return (from == 0 || LabelClass[text[from - 1]] == 0) && _addresses.IsIpv6Indicator(text[from..to]);
                }
                return false;
            case (byte)'@':
                return IsHostAt(text, at + 1);
            case (byte)'/':
                return IsSegmentAt(text, at + 1);
            default:
                return false;
        }
    }

    // Whether some name's last label starts with this byte.
    private bool IsNameStart(byte b) => Has(char.IsAsciiLetter((char)b) ? Triggers.DotLetter
        : char.IsAsciiDigit((char)b) ? Triggers.DotDigit
        : b is (byte)'-' or (byte)'_' ? Triggers.DotOther : Triggers.None);

    // Whether a run of IPv4 characters can be a whole host or token: a label character (a letter that is no hex
    // digit, '-' or '_') on either side would be part of it, and no address has one (times like "00.000Z").
    private static bool IsHostRun(ReadOnlySpan<byte> text, int from, int to) =>
        (from == 0 || LabelClass[text[from - 1]] == 0) && (to == text.Length || LabelClass[text[to]] == 0);

    // After "://" or '@': a single-label name, or an IPv4 address in any form (a number alone is one).
    private bool IsHostAt(ReadOnlySpan<byte> text, int start)
    {
        if (Has(Triggers.HostStarts))
        {
            var end = start;
            while (end < text.Length && LabelClass[text[end]] != 0) { end++; }
            if (end > start && _names.ContainsWhole(LabelHashSet.Combine(LabelHashSet.Seed, LabelHashSet.LabelHash(text, start, end)))) { return true; }
        }
        if (_addresses.HasIpv4 && start < text.Length)
        {
            var (from, to) = Run(text, start, Ipv4Class);
            if (from == start && _addresses.IsIpv4Indicator(text[from..to].Trim((byte)'.'))) { return true; }
        }
        return false;
    }

    // Before a colon: a token that starts with a host and a port, "intranet:8080" or "2130706433:80", is a URL when
    // something after the colon has a dot, and its host is what comes before the colon.
    private bool IsHostBeforePort(ReadOnlySpan<byte> text, int colon)
    {
        if (Has(Triggers.HostStarts))
        {
            var start = colon;
            while (start > 0 && LabelClass[text[start - 1]] != 0) { start--; }
            if (start < colon && (start == 0 || text[start - 1] != '.')
                && _names.ContainsWhole(LabelHashSet.Combine(LabelHashSet.Seed, LabelHashSet.LabelHash(text, start, colon))))
            {
                return true;
            }
        }
        if (_addresses.HasIpv4 && colon > 0 && Ipv4Class[text[colon - 1]] != 0)
        {
            var (from, to) = Run(text, colon - 1, Ipv4Class);
            if (to == colon && IsHostRun(text, from, to) && _addresses.IsIpv4Indicator(text[from..to].Trim((byte)'.'))) { return true; }
        }
        return false;
    }

    // After a slash: the path segment there, as it is and with what the scanner trims off a token's end.
    private bool IsSegmentAt(ReadOnlySpan<byte> text, int start)
    {
        // The first two bytes first: most segments in a log start as no indicator's does.
        if (start + 1 >= text.Length || !_segmentStarts.Contains(text[start], text[start + 1]))
        {
            return start < text.Length && IsShortSegmentAt(text, start);
        }
        var end = start;
        while (end < text.Length && text[end] != '/' && Delimiter[text[end]] == 0) { end++; }
        if (end == start) { return false; }
        if (_segments.ContainsWhole(LabelHashSet.LabelHash(text, start, end))) { return true; }
        var trimmed = start + text[start..end].TrimEnd(".:?#=&%"u8).Length;
        return trimmed != end && trimmed > start && _segments.ContainsWhole(LabelHashSet.LabelHash(text, start, trimmed));
    }

    // A segment of one byte, which the two-byte test above cannot see: followed by nothing but what a token's end
    // loses to trimming.
    private bool IsShortSegmentAt(ReadOnlySpan<byte> text, int start)
    {
        if (!_shortSegments) { return false; }
        var end = start + 1;
        while (end < text.Length && text[end] != '/' && Delimiter[text[end]] == 0 && IsTrimmed(text[end])) { end++; }
        return (end == text.Length || text[end] == '/' || Delimiter[text[end]] != 0)
            && _segments.ContainsWhole(LabelHashSet.LabelHash(text, start, start + 1));
    }

    private static bool IsTrimmed(byte b) => b is (byte)'.' or (byte)':' or (byte)'?' or (byte)'#' or (byte)'=' or (byte)'&' or (byte)'%';

    // The maximal run of bytes of a class around 'at'.
    private static (int From, int To) Run(ReadOnlySpan<byte> text, int at, ReadOnlySpan<byte> byteClass)
    {
        var from = at;
        while (from > 0 && byteClass[text[from - 1]] != 0) { from--; }
        var to = at;
        while (to < text.Length && byteClass[text[to]] != 0) { to++; }
        return (from, to);
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    // Whether the run of hex digits through 'at' is at least a hash's shortest length.
    private static bool IsLongHexRun(ReadOnlySpan<byte> text, int at)
    {
        var from = at;
        while (from > 0 && IsHex(text[from - 1])) { from--; }
        var to = at;
        while (to < text.Length && IsHex(text[to])) { to++; }
        return to - from >= MinimumHexRun;
    }

    // The dot at 'dot' is followed by a label character. If the label after it is its run's last (trailing dots
    // aside), walk the run's suffixes from the right while each is a suffix of some name.
    private bool EndsInName(ReadOnlySpan<byte> text, int dot)
    {
        var end = dot + 1;
        while (end < text.Length && LabelClass[text[end]] != 0) { end++; }
        if (end < text.Length && text[end] == '.')
        {
            var after = end;
            while (after < text.Length && text[after] == '.') { after++; }
            if (after < text.Length && LabelClass[text[after]] != 0) { return false; }
        }
        var hash = LabelHashSet.Combine(LabelHashSet.Seed, LabelHashSet.LabelHash(text, dot + 1, end));
        while (true)
        {
            var found = _names.Find(hash);
            if (found == LabelHashSet.Missing) { return false; }
            if ((found & LabelHashSet.WholeFlag) != 0) { return true; }
            var start = dot;
            while (start > 0 && LabelClass[text[start - 1]] != 0) { start--; }
            hash = LabelHashSet.Combine(hash, LabelHashSet.LabelHash(text, start, dot));
            if (start == 0 || text[start - 1] != '.')
            {
                // The run begins here: this suffix is the whole run.
                return _names.ContainsWhole(hash);
            }
            dot = start - 1;
        }
    }
}
