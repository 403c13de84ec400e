using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Keeps the indicators taken from an incident in step with the incident's label, in the transaction of the
/// submission that relabels it: a narrower label withholds them from readers below it (a release made for the old
/// label lapses) until an analyst decides again; a wider one lets them go as far as their own marking allows.
/// </summary>
public static class IndicatorSources
{
    /// <summary>The label an incident's indicators are read under: its own, or its indicators field's if narrower.</summary>
    public static string SourceLabel(Incident incident) => FieldLabels.LabelOf(JsonNode.Parse(incident.View)!.AsObject(), "indicators");

    public static async Task FollowAsync(VigilDbContext db, Incident incident, CancellationToken cancellationToken)
    {
        var source = SourceLabel(incident);
        // Past the filter: the submitter (a reporter) can see no collection, yet everything derived from its incident
        // must follow the label it now gives.
        var derived = await db.CollectionIndicators.IgnoreQueryFilters([AudienceFilters.Name])
            .Where(i => i.SourceIncidentId == incident.Id && i.SourceTlp != source).ToListAsync(cancellationToken);
        foreach (var indicator in derived)
        {
            indicator.ReleasedTlp = DerivedLabel.ReleaseAfterSourceChange(indicator.ReleasedTlp, indicator.SourceTlp, source);
            indicator.SourceTlp = source;
            indicator.Tlp = DerivedLabel.Effective(indicator.Marking, indicator.SourceTlp, indicator.ReleasedTlp);
        }
    }
}
