using System.Collections.Concurrent;
using Vigil.Domain.Regimes;
using Vigil.Domain.Regimes.Figures;

namespace Vigil.Server.Features.Compliance;

/// <summary>
/// Each incident's evaluation under its regimes, kept for the figures between requests: an incident's verdict changes
/// only when a submission is added (its version) or when the clock reaches one of its unmet due times (or the hour
/// before, when a stage becomes due soon), so an entry is used only for the same version and until then. Only the
/// CERT and oversight use it (they count every incident, from every submission); a reporter's figures are worked out
/// afresh from what it may read.
/// </summary>
public sealed class ComplianceCache
{
    /// <summary>Past this many incidents the cache starts again rather than grow without bound.</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string incidentId, int version, DateTimeOffset now, out IReadOnlyList<(Regime Regime, EvaluatedIncident Evaluated)> under)
    {
        if (_entries.TryGetValue(incidentId, out var entry) && entry.Version == version && now < entry.ValidUntil)
        {
            under = entry.Under;
            return true;
        }
        under = [];
        return false;
    }

    public void Put(string incidentId, int version, DateTimeOffset now, IReadOnlyList<(Regime Regime, EvaluatedIncident Evaluated)> under)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        _entries[incidentId] = new Entry(version, ValidUntil(under, now), under);
    }

    /// <summary>The first moment a state could change with time alone: an unmet stage becoming due soon or overdue, an open request overdue.</summary>
    private static DateTimeOffset ValidUntil(IReadOnlyList<(Regime Regime, EvaluatedIncident Evaluated)> under, DateTimeOffset now) =>
        under.SelectMany(u => u.Evaluated.Evaluation.Stages.Where(s => s.MetAt is null && s.DueUtc is not null)
                .SelectMany(s => new[] { s.DueUtc!.Value - RegimeEvaluator.DueSoonWindow, s.DueUtc.Value }))
            .Concat(under.SelectMany(u => u.Evaluated.Requests.Where(r => r.State == RequestState.Open).Select(r => r.DueAt)))
            .Where(t => t > now)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();

    private sealed record Entry(int Version, DateTimeOffset ValidUntil, IReadOnlyList<(Regime Regime, EvaluatedIncident Evaluated)> Under);
}
