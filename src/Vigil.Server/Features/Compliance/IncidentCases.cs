using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;

namespace Vigil.Server.Features.Compliance;

/// <summary>Reads incidents' records from the database as the regimes engine's input.</summary>
public static class IncidentCases
{
    /// <summary>The case of each incident named, built from its submissions in order.</summary>
    public static async Task<Dictionary<string, RegimeCase>> LoadAsync(VigilDbContext db, IReadOnlyCollection<string> incidentIds, CancellationToken cancellationToken)
    {
        var rows = await db.KnownSubmissions().AsNoTracking().Where(s => incidentIds.Contains(s.IncidentId))
            .Select(s => new { s.IncidentId, s.Sequence, s.Kind, s.ReceivedAt, s.Content })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.IncidentId).ToDictionary(g => g.Key, g => RegimeCaseBuilder.Build(
            g.Select(r => new RecordedSubmission(r.Sequence, r.Kind, r.ReceivedAt, JsonNode.Parse(r.Content)!.AsObject()))));
    }

    public static async Task<RegimeCase> LoadAsync(VigilDbContext db, string incidentId, CancellationToken cancellationToken) =>
        (await LoadAsync(db, [incidentId], cancellationToken))[incidentId];

    /// <summary>The loaded regimes the incident is filed under now (its latest report or update says).</summary>
    public static IReadOnlyList<Regime> RegimesOf(RegimeCase input, RegimeCatalog catalog) =>
        input.Submissions.Count == 0 ? [] : RegimesOf(input.Submissions.MaxBy(s => s.Sequence)!.ViewAfter, catalog);

    public static IReadOnlyList<Regime> RegimesOf(JsonObject view, RegimeCatalog catalog) =>
        [.. SubmissionAnnotations.RegimeIdsOf(view).Select(id => catalog.TryGet(id, out var regime) ? regime : null).OfType<Regime>()];
}
