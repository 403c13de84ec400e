namespace Vigil.Indicators.Matching;

/// <summary>
/// One bit for each pair of bytes, ASCII case folded (each byte or-ed with 0x20, as <see cref="LabelHashSet"/> hashes
/// them): 8 KiB that stay in the core's cache and say in two loads that no value starts at a place.
/// </summary>
internal sealed class BytePairSet
{
    private readonly ulong[] _bits = new ulong[1024];

    public void Add(byte first, byte second)
    {
        var (word, bit) = Position(first, second);
        _bits[word] |= 1UL << bit;
    }

    public bool Contains(byte first, byte second)
    {
        var (word, bit) = Position(first, second);
        return (_bits[word] & (1UL << bit)) != 0;
    }

    private static (int Word, int Bit) Position(byte first, byte second)
    {
        int a = (byte)(first | 0x20), b = (byte)(second | 0x20);
        return ((a << 2) | (b >> 6), b & 63);
    }
}
