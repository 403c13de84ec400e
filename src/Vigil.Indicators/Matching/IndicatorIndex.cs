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
    private readonly List<(int Indicator, int Clause, int Position)> _owners = [];

    public IndicatorIndex(IReadOnlyList<CatalogedIndicator> indicators)
    {
        foreach (var kind in Enum.GetValues<ObservableKind>())
        {
            _exact[(int)kind] = new TermTable(IsCaseless(kind) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            _likes[(int)kind] = [];
        }
        Indicators = indicators;
        for (var i = 0; i < indicators.Count; i++)
        {
            for (var c = 0; c < indicators[i].Clauses.Count; c++)
            {
                var clause = indicators[i].Clauses[c];
                HasConjunctions |= clause.Count > 1;
                for (var p = 0; p < clause.Count; p++)
                {
                    _owners.Add((i, c, p));
                    Add(clause[p], _owners.Count - 1);
                }
            }
        }
        LineFilter = TextLineFilter.TryBuild(indicators.SelectMany(i => i.Clauses).SelectMany(c => c));
    }

    /// <summary>Picks out the lines of plain text worth tokenising; null when the indicators need every line read.</summary>
    public TextLineFilter? LineFilter { get; internal set; }

    public IReadOnlyList<CatalogedIndicator> Indicators { get; }

    private bool HasAddressTerms => !_exact[(int)ObservableKind.Ipv4].IsEmpty || !_exact[(int)ObservableKind.Ipv6].IsEmpty
        || _likes[(int)ObservableKind.Ipv4].Count > 0 || _likes[(int)ObservableKind.Ipv6].Count > 0;

    /// <summary>True when some indicator needs several terms seen together, so artefacts must be tracked as a whole.</summary>
    public bool HasConjunctions { get; }

    public (int Indicator, int Clause, int Position) Owner(int term) => _owners[term];

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
