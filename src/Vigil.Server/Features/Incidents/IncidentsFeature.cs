using Vigil.Domain.Incidents;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

public static class IncidentsFeature
{
    public static IServiceCollection AddIncidents(this IServiceCollection services) => services.AddScoped<SubmissionAppender>();

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Policies.CaseReaders);

        group.MapPost("/", SubmitReport.Handle).RequireAuthorization(Roles.Reporter)
            .Accepts<IncidentReportDocument>("application/json").AddEndpointFilter<IdempotencyFilter>().RequireRateLimiting(RateLimits.Submissions)
            .WithName("SubmitReport").WithSummary("File a new incident report");
        group.MapPost("/{id}/updates", SubmitUpdate.Handle).RequireAuthorization(Roles.Reporter)
            .Accepts<IncidentUpdateDocument>("application/json").AddEndpointFilter<IdempotencyFilter>().RequireRateLimiting(RateLimits.Submissions)
            .WithName("SubmitUpdate").WithSummary("Add a follow-up update to an incident");
        group.MapPost("/{id}/status", ChangeStatus.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<ChangeStatus.Request>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("ChangeStatus").WithSummary("Move an incident to another status, with a reason");
        group.MapPost("/{id}/assignment", AssignIncident.Handle).RequireAuthorization(Roles.Analyst)
            .Accepts<AssignIncident.Request>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("AssignIncident").WithSummary("Assign an incident to an analyst");

        group.MapGet("/", ListIncidents.Handle).WithName("ListIncidents").WithSummary("List incidents, newest first");
        group.MapGet("/{id}", ReadIncident.Get).WithName("GetIncident").WithSummary("An incident as it stands now");
        group.MapGet("/{id}/history", ReadIncident.History).WithName("GetIncidentHistory").WithSummary("Every submission, with the fields it changed");
        group.MapGet("/{id}/submissions/{sequence:int}", ReadIncident.Submission).WithName("GetSubmission").WithSummary("One submission");

        app.MapGet("/api/v1/categories", () => TypedResults.Ok(IncidentCategory.All.Select(c => new CategoryResponse(c.Code, c.Numeral, c.DisplayName)))).RequireAuthorization(Policies.Public)
            .WithTags("Incidents").WithName("ListCategories").WithSummary("The reportable incident categories (CERT-In Directions 2022, Annexure I)");
        return app;
    }
}
