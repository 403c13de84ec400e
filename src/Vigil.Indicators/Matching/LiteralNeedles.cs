using System.Text;

namespace Vigil.Indicators.Matching;

/// <summary>
/// The line filter's last resort: a few strings, any line holding one of which (ignoring ASCII case) is kept. For the
/// rare indicator whose value fits no structure the filter knows (a single-label name, a LIKE pattern's longest
/// literal part, a name with characters a host cannot hold). Each string costs a pass over the text, so there are few.
/// </summary>
internal sealed class LiteralNeedles
{
    /// <summary>Beyond this many strings, reading every line is cheaper than looking for each.</summary>
    public const int Limit = 8;

    private readonly List<(byte[] Lower, byte Rare, int At)> _needles = [];

    public int Count => _needles.Count;

    /// <summary>Adds a string that a matching line must hold; false for one that is not ASCII.</summary>
    public bool Add(string needle)
    {
        if (needle.Length == 0 || !Ascii.IsValid(needle)) { return false; }
        var lower = Encoding.ASCII.GetBytes(needle.ToLowerInvariant());
        // Searched by the byte least likely in text: one that is neither a letter, a digit nor common punctuation,
        // or else the last (file names and hosts differ most at their ends).
        var at = Array.FindLastIndex(lower, b => !char.IsAsciiLetterOrDigit((char)b) && "/.-_ ".IndexOf((char)b) < 0);
        if (at < 0) { at = lower.Length - 1; }
        _needles.Add((lower, lower[at], at));
        return true;
    }

    /// <summary>The first position in [from, to) at which some string starts, or -1.</summary>
    public int First(ReadOnlySpan<byte> text, int from, int to)
    {
        var first = -1;
        foreach (var (lower, rare, at) in _needles)
        {
            var upper = (byte)char.ToUpperInvariant((char)rare);
            var limit = first < 0 ? to : first;
            for (var i = from + at; i < Math.Min(text.Length, limit + at); )
            {
                var found = text[i..Math.Min(text.Length, limit + at)].IndexOfAny(rare, upper);
                if (found < 0) { break; }
                var start = i + found - at;
                if (start + lower.Length <= text.Length && Ascii.EqualsIgnoreCase(text.Slice(start, lower.Length), lower))
                {
                    first = start;
                    break;
                }
                i += found + 1;
            }
        }
        return first;
    }
}
