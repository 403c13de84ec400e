using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Keeps the indicators taken from an incident in step with the incident's label, in the transaction of the
/// submission that relabels it: a narrower label withholds them from readers below it (a release made for the old
/// label lapses) until an analyst decides again; a wider one lets them go as far as their own marking allows.
/// </summary>
public static class IndicatorSources
{
    public static async Task FollowAsync(VigilDbContext db, Incident incident, CancellationToken cancellationToken)
    {
        // Past the filter: the submitter (a reporter) can see no collection, yet everything derived from its incident
        // must follow the label it now gives.
        var derived = await db.CollectionIndicators.IgnoreQueryFilters([AudienceFilters.Name])
            .Where(i => i.SourceIncidentId == incident.Id && i.SourceTlp != incident.Tlp).ToListAsync(cancellationToken);
        foreach (var indicator in derived)
        {
            indicator.ReleasedTlp = DerivedLabel.ReleaseAfterSourceChange(indicator.ReleasedTlp, indicator.SourceTlp, incident.Tlp);
            indicator.SourceTlp = incident.Tlp;
            indicator.Tlp = DerivedLabel.Effective(indicator.Marking, indicator.SourceTlp, indicator.ReleasedTlp);
        }
    }
}
