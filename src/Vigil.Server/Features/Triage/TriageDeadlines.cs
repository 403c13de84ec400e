using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Server.Features.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Features.Incidents.Pages;

namespace Vigil.Server.Features.Triage;

/// <summary>
/// Each incident's next deadline and regimes for the triage inbox, worked out by the compliance code
/// (<see cref="IncidentCompliance.EvaluateAsync"/>, as <c>GET .../compliance</c> and the incident list) and kept per
/// incident version. The next deadline is the earliest due time of an unmet stage or an unanswered request, and
/// which stages are unmet and which requests unanswered change only with a submission, which changes the version;
/// the clock moves states between pending, due soon and overdue, never the due times. Evaluations are made from
/// every submission (<c>KnownSubmissions</c>), the same for every member of the CERT's staff who opens the inbox.
/// Severities are kept the same way where they read the same to every reader (<see cref="SeveritiesAsync"/>).
/// </summary>
public sealed class TriageDeadlines
{
    /// <summary>Past this many incidents the cache starts again rather than grow without bound.</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, (int Version, NextDeadline? Next, IReadOnlyList<string> Regimes)> _entries = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (int Version, Severity Severity)> _severities = new(StringComparer.Ordinal);

    /// <summary>The next deadline and regime ids of each incident (by id, with its current version).</summary>
    public async Task<Dictionary<string, (NextDeadline? Next, IReadOnlyList<string> Regimes)>> ForAsync(
        VigilDbContext db, RegimeCatalog catalog, TimeProvider clock, IReadOnlyDictionary<string, int> versions, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (NextDeadline? Next, IReadOnlyList<string> Regimes)>(StringComparer.Ordinal);
        foreach (var (id, version) in versions)
        {
            if (_entries.TryGetValue(id, out var entry) && entry.Version == version)
            {
                found[id] = (entry.Next, entry.Regimes);
            }
        }
        var missing = versions.Keys.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return found;
        }
        var evaluated = await IncidentCompliance.EvaluateAsync(db, missing, catalog, clock, cancellationToken);
        if (_entries.Count + missing.Count > Capacity)
        {
            _entries.Clear();
        }
        foreach (var id in missing)
        {
            var compliance = evaluated.GetValueOrDefault(id);
            var next = compliance is null ? null : NextDeadline.Of(compliance);
            IReadOnlyList<string> regimes = compliance?.Regimes.Select(r => r.Regime).ToList() ?? [];
            found[id] = (next, regimes);
            _entries[id] = (versions[id], next, regimes);
        }
        return found;
    }

    /// <summary>
    /// The triage severity of each incident the reader may read (by id, with its version), from what the reader may
    /// read of it (<see cref="IncidentAudience"/>). An incident without field labels reads the same to everyone who
    /// may read it at all, so its severity is kept per version; one with fields labelled apart is worked out for each
    /// reader, each time.
    /// </summary>
    public async Task<Dictionary<string, Severity>> SeveritiesAsync(VigilDbContext db, IReadOnlyList<(string Id, int Version)> readable, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (id, version) in readable)
        {
            if (_severities.TryGetValue(id, out var entry) && entry.Version == version)
            {
                found[id] = entry.Severity;
            }
        }
        var missing = readable.Where(r => !found.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        if (missing.Count == 0)
        {
            return found;
        }
        // Read through the audience filter: only incidents this reader may read, as they stand now.
        var incidents = await db.Incidents.AsNoTracking().Where(i => missing.Contains(i.Id)).ToListAsync(cancellationToken);
        var audiences = await IncidentAudience.ForManyAsync(db, incidents, cancellationToken);
        if (_severities.Count + incidents.Count > Capacity)
        {
            _severities.Clear();
        }
        foreach (var incident in incidents)
        {
            var audience = audiences[incident.Id];
            var severity = TriageSeverity.Of(incident.Category, audience.Redact(audience.Now, audience.Now));
            found[incident.Id] = severity;
            if (audience.Now[FieldLabels.Field] is null)
            {
                _severities[incident.Id] = (incident.Version, severity);
            }
        }
        return found;
    }
}
