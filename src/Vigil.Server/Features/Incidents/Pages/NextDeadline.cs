using Vigil.Server.Features.Compliance;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// The next due time an incident faces, from its compliance (GET /api/v1/incidents/{id}/compliance): the earliest of
/// its unmet stages and open requests for information, overdue ones included.
/// </summary>
/// <param name="Regime">The regime's name, or null for a request for information.</param>
/// <param name="Stage">The stage's name, or the request's question.</param>
public sealed record NextDeadline(DateTimeOffset Due, string? Regime, string Stage)
{
    private static readonly HashSet<string> UnmetStages = new(StringComparer.Ordinal) { "pending", "due_soon", "overdue" };
    private static readonly HashSet<string> UnansweredRequests = new(StringComparer.Ordinal) { "open", "overdue" };

    public static NextDeadline? Of(CaseComplianceResponse compliance) =>
        compliance.Regimes
            .SelectMany(r => r.Stages.Where(s => UnmetStages.Contains(s.State) && s.DueUtc is not null).Select(s => new NextDeadline(s.DueUtc!.Value, r.Name, s.Name)))
            .Concat(compliance.Requests.Where(q => UnansweredRequests.Contains(q.State)).Select(q => new NextDeadline(q.DueAt, null, q.Question)))
            .MinBy(d => d.Due);
}
