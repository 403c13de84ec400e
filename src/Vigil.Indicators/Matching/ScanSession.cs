namespace Vigil.Indicators.Matching;

/// <summary>
/// Matching state for one artefact. Readers say where they are (<see cref="At"/>) and what they see; single-term
/// indicators are reported at once, indicators needing several values when the artefact is complete.
/// </summary>
internal sealed class ScanSession
{
    private readonly IndicatorIndex _index;
    private readonly Action<IndicatorHit> _onHit;
    private readonly List<int> _matched = [];
    private readonly HashSet<int> _reported = [];
    private readonly Dictionary<(int Indicator, int Clause, int Size), (HashSet<int> Seen, IndicatorHit Last)> _partial = [];
    private string? _section;
    private string _unit = "line";
    private long _number;

    public ScanSession(IndicatorIndex index, string artefact, Action<IndicatorHit> onHit)
    {
        _index = index;
        Artefact = artefact;
        _onHit = onHit;
    }

    public string Artefact { get; }

    /// <summary>Picks out the lines of plain text worth reading; null when every line must be read.</summary>
    public TextLineFilter? LineFilter => _index.LineFilter;

    public int Hits { get; private set; }

    public void At(string? section, string unit, long number)
    {
        _section = section;
        _unit = unit;
        _number = number;
    }

    public void ObserveText(ReadOnlySpan<char> text) => TextObservableScanner.Scan(text, this);

    public void Observe(ObservableKind kind, ReadOnlySpan<char> value)
    {
        _matched.Clear();
        _index.Match(kind, value, _matched);
        if (_matched.Count == 0) { return; }
        _reported.Clear();
        var location = new ArtefactLocation(Artefact, _section, _unit, _number);
        var observed = new Observable(kind, value.ToString());
        foreach (var term in _matched)
        {
            var (indicator, clause, position, clauseSize) = _index.Owner(term);
            if (clauseSize == 1)
            {
                // One value can satisfy an indicator through several terms; it is one hit.
                if (_reported.Add(indicator)) { Report(new IndicatorHit(_index.Indicators[indicator], observed, location)); }
                continue;
            }
            var hit = new IndicatorHit(_index.Indicators[indicator], observed, location);
            if (!_partial.TryGetValue((indicator, clause, clauseSize), out var state)) { state = ([], hit); }
            state.Seen.Add(position);
            _partial[(indicator, clause, clauseSize)] = (state.Seen, hit);
        }
    }

    /// <summary>Reports indicators whose every term of some conjunction was seen in this artefact.</summary>
    public void Complete()
    {
        var done = new HashSet<int>();
        foreach (var ((indicator, _, size), state) in _partial)
        {
            if (state.Seen.Count == size && done.Add(indicator)) { Report(state.Last); }
        }
        _partial.Clear();
    }

    private void Report(IndicatorHit hit)
    {
        Hits++;
        _onHit(hit);
    }
}
