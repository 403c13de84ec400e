using Vigil.Server.Features.Incidents;
using Vigil.Server.Features.Oversight;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Compliance;

/// <summary>The regimes engine on the record: an incident's compliance, a draft's preview, and figures per organisation.</summary>
public static class ComplianceFeature
{
    public static IEndpointRouteBuilder MapCompliance(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/v1/incidents").WithTags("Compliance");
        incidents.MapPost("/preview", IncidentCompliance.Preview).RequireAuthorization(Roles.Reporter)
            .Accepts<IncidentReportDocument>("application/json")
            .WithName("PreviewIncident").WithSummary("Evaluate a draft report without saving it: due times and missing fields");
        // Due times and gaps carry no content: oversight and the CERT see them for every incident (KnownIncidents).
        incidents.MapGet("/{id}/compliance", IncidentCompliance.Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetIncidentCompliance").WithSummary("Every stage of every regime the incident is filed under, and its requests");

        app.MapGet("/api/v1/compliance", ComplianceOverview.Handle).RequireAuthorization(Policies.SignedIn).WithTags("Compliance")
            .WithName("GetComplianceFigures").WithSummary("Timeliness and completeness per organisation and regime (Accept: text/csv for CSV)");
        // Oversight's pages show the same figures (Features/Oversight); the charts' CSV downloads are served beside them.
        app.MapOversight();
        return app;
    }
}
