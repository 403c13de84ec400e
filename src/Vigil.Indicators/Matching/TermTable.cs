namespace Vigil.Indicators.Matching;

/// <summary>
/// Exact-value lookup from normalised value to the terms that want it, searchable by span without allocating. Most
/// values belong to one term, so each value maps to its latest term and further terms are chained in one list.
/// </summary>
internal sealed class TermTable
{
    private const int End = -1;

    private readonly Dictionary<string, int> _latest;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spans;
    // Chain links for the rare values wanted by several terms: term → the term added before it with the same value.
    private readonly Dictionary<int, int> _earlier = [];

    public TermTable(StringComparer comparer)
    {
        _latest = new Dictionary<string, int>(comparer);
        _spans = _latest.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => _latest.Count == 0;

    public void Add(string value, int term)
    {
        if (_latest.TryGetValue(value, out var earlier)) { _earlier[term] = earlier; }
        _latest[value] = term;
    }

    public void Find(ReadOnlySpan<char> value, List<int> matched)
    {
        if (!_spans.TryGetValue(value, out var term)) { return; }
        var start = matched.Count;
        for (; term != End; term = _earlier.GetValueOrDefault(term, End)) { matched.Add(term); }
        // Terms in the order they were added.
        matched.Reverse(start, matched.Count - start);
    }
}
