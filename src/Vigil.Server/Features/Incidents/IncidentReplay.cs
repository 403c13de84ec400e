using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// An incident's submissions folded again in order, each with the view before and after it: the labels what it said
/// was said under (<see cref="IncidentAudience"/>), and the changes it made.
/// </summary>
public static class IncidentReplay
{
    public sealed record Step(Submission Submission, JsonObject Content, JsonObject Before, JsonObject After, IReadOnlyList<FieldChange> Changes);

    public static async Task<IReadOnlyList<Step>> LoadAsync(VigilDbContext db, string incidentId, CancellationToken cancellationToken)
    {
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.IncidentId == incidentId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var view = IncidentFold.Initial();
        var steps = new List<Step>(submissions.Count);
        foreach (var s in submissions)
        {
            var content = JsonNode.Parse(s.Content)!.AsObject();
            var before = (JsonObject)view.DeepClone();
            var changes = IncidentFold.Apply(view, IncidentFold.FoldedPart(s.Kind, (JsonObject)content.DeepClone()));
            steps.Add(new Step(s, content, before, (JsonObject)view.DeepClone(), changes));
        }
        return steps;
    }
}
