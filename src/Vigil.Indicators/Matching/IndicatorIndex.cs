namespace Vigil.Indicators.Matching;

/// <summary>
/// Every supported term of every indicator, in hash tables keyed by normalised value: a lookup costs the same
/// whether there are a hundred indicators or a hundred thousand. Only LIKE terms are tried one by one.
/// </summary>
internal sealed partial class IndicatorIndex
{
    private readonly TermTable[] _exact = new TermTable[Enum.GetValues<ObservableKind>().Length];
    private readonly TermTable _directories = new(StringComparer.Ordinal);
    private readonly TermTable _parents = new(StringComparer.Ordinal);
    private readonly TermTable _truncatedProcesses = new(StringComparer.Ordinal);
    private readonly List<(IndicatorTerm Term, int Id)>[] _likes = new List<(IndicatorTerm, int)>[Enum.GetValues<ObservableKind>().Length];
    private readonly ChunkedList<(int Indicator, int Clause, int Position, int ClauseSize)> _owners = new();
    private readonly TextLineFilter.Builder _lineFilter = new();

    public IndicatorIndex(IReadOnlyList<CatalogedIndicator> indicators)
    {
        foreach (var kind in Enum.GetValues<ObservableKind>())
        {
            _exact[(int)kind] = new TermTable(IsCaseless(kind) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            _likes[(int)kind] = [];
        }
        Indicators = indicators;
    }

    /// <summary>The indicators the terms belong to, by number.</summary>
    public IReadOnlyList<CatalogedIndicator> Indicators { get; }

    /// <summary>Picks out the lines of plain text worth tokenising; null when the indicators need every line read.</summary>
    public TextLineFilter? LineFilter { get; internal set; }

    /// <summary>Adds the terms of one indicator: it matches when every term of one of its clauses is seen.</summary>
    public void Add(int indicator, IReadOnlyList<IReadOnlyList<IndicatorTerm>> clauses)
    {
        for (var c = 0; c < clauses.Count; c++)
        {
            var clause = clauses[c];
            HasConjunctions |= clause.Count > 1;
            for (var p = 0; p < clause.Count; p++)
            {
                _owners.Add((indicator, c, p, clause.Count));
                Add(clause[p], _owners.Count - 1);
                _lineFilter.Add(clause[p]);
            }
        }
    }

    /// <summary>Called once every indicator is in.</summary>
    public void Complete() => LineFilter = _lineFilter.Build();

    private bool HasAddressTerms => !_exact[(int)ObservableKind.Ipv4].IsEmpty || !_exact[(int)ObservableKind.Ipv6].IsEmpty
        || _likes[(int)ObservableKind.Ipv4].Count > 0 || _likes[(int)ObservableKind.Ipv6].Count > 0;

    /// <summary>True when some indicator needs several terms seen together, so artefacts must be tracked as a whole.</summary>
    public bool HasConjunctions { get; private set; }

    public (int Indicator, int Clause, int Position, int ClauseSize) Owner(int term) => _owners[term];

    // URL keys hold an already lower-cased host, and their paths are case-sensitive, so URLs compare exactly.
    private static bool IsCaseless(ObservableKind kind) =>
        kind is ObservableKind.Domain or ObservableKind.Email or ObservableKind.Hash or ObservableKind.AppId;

    private void Add(IndicatorTerm term, int id)
    {
        switch (term.Mode)
        {
            case TermMode.Like: _likes[(int)term.Kind].Add((term, id)); break;
            case TermMode.DirectoryPrefix: _directories.Add(term.Value, id); break;
            case TermMode.ParentDirectory: _parents.Add(term.Value, id); break;
            default:
                _exact[(int)term.Kind].Add(term.Value, id);
                // iOS keeps only the first 15 (sometimes 16) characters of a process name.
                if (term.Kind == ObservableKind.ProcessName && term.Value.Length > 15)
                {
                    _truncatedProcesses.Add(term.Value[..15], id);
                    if (term.Value.Length > 16) { _truncatedProcesses.Add(term.Value[..16], id); }
                }
                break;
        }
    }
}
