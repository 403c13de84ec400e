namespace Vigil.Indicators.Matching;

/// <summary>Exact-value lookup from normalised value to the terms that want it, searchable by span without allocating.</summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, List<int>> _terms;
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public TermTable(StringComparer comparer)
    {
        _terms = new Dictionary<string, List<int>>(comparer);
        _spans = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => _terms.Count == 0;

    public void Add(string value, int term)
    {
        if (!_terms.TryGetValue(value, out var list)) { _terms[value] = list = []; }
        list.Add(term);
    }

    public void Find(ReadOnlySpan<char> value, List<int> matched)
    {
        if (_spans.TryGetValue(value, out var terms)) { matched.AddRange(terms); }
    }
}
