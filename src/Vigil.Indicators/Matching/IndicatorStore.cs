using System.Collections;
using System.Text;

namespace Vigil.Indicators.Matching;

/// <summary>
/// Every indicator of a catalogue, held compactly: ids, names and patterns as UTF-8 in blocks of a mebibyte, and
/// problems and collections only for the indicators that have them. A <see cref="CatalogedIndicator"/> is made
/// when one is asked for (a hit, a listing), so a hundred thousand indicators cost a few tens of bytes each
/// besides their text.
/// </summary>
internal sealed class IndicatorStore : IReadOnlyList<CatalogedIndicator>
{
    private const int NoName = -1;
    private const string IndicatorPrefix = "indicator--";
    // The first byte of a stored id: the usual "indicator--" and a lower-case UUID kept as the UUID's 16 bytes, or any
    // other id as UTF-8.
    private const byte UuidId = 0;
    private const byte TextId = 1;
    private const int BlockSize = 1 << 20;

    // Blocks are filled and never moved, so growing costs no copies; an indicator's text is all in one block.
    private readonly List<byte[]> _blocks = [];
    private int _used;
    // Per indicator: its block, where its id starts, where its name starts (or NoName), where its pattern starts and ends.
    private readonly ChunkedList<(int Block, int Id, int Name, int Pattern, int End)> _offsets = new();
    private readonly Dictionary<int, IReadOnlyList<string>> _problems = [];
    private readonly Dictionary<int, IReadOnlyList<IndicatorCollection>> _collections = [];

    public int Count { get; private set; }

    /// <summary>How many indicators can be matched in full.</summary>
    public int Supported => Count - _problems.Count;

    public CatalogedIndicator this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var (blockNumber, id, name, pattern, end) = _offsets[index];
            var block = _blocks[blockNumber];
            return new CatalogedIndicator
            {
                Id = IdText(block, id, name == NoName ? pattern : name),
                Name = name == NoName ? null : Text(block, name, pattern),
                Pattern = Text(block, pattern, end),
                Problems = _problems.GetValueOrDefault(index, []),
                Collections = _collections.GetValueOrDefault(index, []),
            };
        }
    }

    /// <summary>The indicators with problems, in catalogue order.</summary>
    public IEnumerable<CatalogedIndicator> Unsupported => _problems.Keys.Order().Select(i => this[i]);

    /// <summary>Adds an indicator and returns its number.</summary>
    public int Add(string id, string? name, string pattern, IReadOnlyList<string> problems)
    {
        var compactId = IsUuidId(id, out var uuid);
        var needed = 1 + (compactId ? 16 : Encoding.UTF8.GetByteCount(id)) + (name is null ? 0 : Encoding.UTF8.GetByteCount(name)) + Encoding.UTF8.GetByteCount(pattern);
        if (_blocks.Count == 0 || _used + needed > _blocks[^1].Length)
        {
            _blocks.Add(new byte[Math.Max(BlockSize, needed)]);
            _used = 0;
        }
        var idStart = compactId ? AppendUuid(uuid) : AppendText(id);
        var nameStart = name is null ? NoName : Append(name);
        var patternStart = Append(pattern);
        _offsets.Add((_blocks.Count - 1, idStart, nameStart, patternStart, _used));
        if (problems.Count > 0) { _problems[Count] = problems; }
        return Count++;
    }

    public string Id(int index)
    {
        var (block, id, name, pattern, _) = _offsets[index];
        return IdText(_blocks[block], id, name == NoName ? pattern : name);
    }

    public void SetCollections(int index, IReadOnlyList<IndicatorCollection> collections) => _collections[index] = collections;

    public IEnumerator<CatalogedIndicator> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) { yield return this[i]; }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool IsUuidId(string id, out Guid uuid)
    {
        uuid = default;
        return id.Length == IndicatorPrefix.Length + 36 && id.StartsWith(IndicatorPrefix, StringComparison.Ordinal)
            && Guid.TryParseExact(id.AsSpan(IndicatorPrefix.Length), "D", out uuid)
            && id.AsSpan(IndicatorPrefix.Length).SequenceEqual(uuid.ToString("D"));
    }

    private int AppendUuid(Guid uuid)
    {
        var start = _used;
        _blocks[^1][_used++] = UuidId;
        uuid.TryWriteBytes(_blocks[^1].AsSpan(_used));
        _used += 16;
        return start;
    }

    private int AppendText(string value)
    {
        _blocks[^1][_used++] = TextId;
        return Append(value) - 1;
    }

    private static string IdText(byte[] block, int start, int end) => block[start] == UuidId
        ? IndicatorPrefix + new Guid(block.AsSpan(start + 1, 16)).ToString("D")
        : Text(block, start + 1, end);

    private int Append(string value)
    {
        var start = _used;
        _used += Encoding.UTF8.GetBytes(value, _blocks[^1].AsSpan(_used));
        return start;
    }

    private static string Text(byte[] block, int start, int end) => Encoding.UTF8.GetString(block, start, end - start);
}
