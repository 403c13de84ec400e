using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Compliance;

/// <summary>The regimes engine on the record: an incident's compliance, a draft's preview, and figures per organisation.</summary>
public static class ComplianceFeature
{
    public static IEndpointRouteBuilder MapCompliance(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/v1/incidents").WithTags("Compliance").RequireAuthorization(Policies.CaseReaders);
        incidents.MapPost("/preview", IncidentCompliance.Preview).RequireAuthorization(Roles.Reporter)
            .Accepts<IncidentReportDocument>("application/json")
            .WithName("PreviewIncident").WithSummary("Evaluate a draft report without saving it: due times and missing fields");
        incidents.MapGet("/{id}/compliance", IncidentCompliance.Get)
            .WithName("GetIncidentCompliance").WithSummary("Every stage of every regime the incident is filed under, and its requests");

        app.MapGet("/api/v1/compliance", ComplianceOverview.Handle).RequireAuthorization().WithTags("Compliance")
            .WithName("GetComplianceFigures").WithSummary("Timeliness and completeness per organisation and regime (Accept: text/csv for CSV)");
        return app;
    }
}
