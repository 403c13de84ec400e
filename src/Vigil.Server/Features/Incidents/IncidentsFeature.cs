using Vigil.Domain.Incidents;
using Vigil.Server.Features.Incidents.Pages;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

public static class IncidentsFeature
{
    public static IServiceCollection AddIncidents(this IServiceCollection services) =>
        services.AddScoped<SubmissionAppender>().AddScoped<IncidentReads>().AddScoped<IncidentUpdates>().AddScoped<Triage.SavedFilters>().AddSingleton<Triage.TriageDeadlines>();

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        // Reading goes by each incident's label (CLEAR is for anyone); writing by role, and updates by organisation.
        var group = app.MapGroup("/api/v1/incidents").WithTags("Incidents");

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

        group.MapGet("/", ListIncidents.Handle).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Costly).WithName("ListIncidents").WithSummary("List incidents, newest first");
        group.MapGet("/{id}", ReadIncident.Get).RequireAuthorization(Policies.Public).WithName("GetIncident").WithSummary("An incident as it stands now");
        group.MapGet("/{id}/history", ReadIncident.History).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Costly).WithName("GetIncidentHistory").WithSummary("Every submission, with the fields it changed");
        group.MapGet("/{id}/submissions/{sequence:int}", ReadIncident.Submission).RequireAuthorization(Policies.Public).WithName("GetSubmission").WithSummary("One submission");

        group.MapGet("/{id}/reads", IncidentReadLog.Handle).RequireAuthorization(Policies.SignedIn)
            .WithName("GetIncidentReads").WithSummary("Who outside the organisation read the incident or its files, and when");
        group.MapGet("/{id}/timeline", IncidentTimeline.Handle).RequireAuthorization(Policies.SignedIn)
            .WithName("GetIncidentTimeline").WithSummary("The incident's status and the order of its submissions, without content");
        group.MapPost("/{id}/remarks", InternalRemarks.Add).RequireAuthorization(Policies.Staff)
            .Accepts<InternalRemarks.Request>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("AddInternalRemark").WithSummary("Add an internal remark, never shown to the reporting organisation");
        group.MapGet("/{id}/remarks", InternalRemarks.List).RequireAuthorization(Policies.Staff)
            .WithName("ListInternalRemarks").WithSummary("The CERT's internal remarks on the incident");

        app.MapGet("/api/v1/categories", () => TypedResults.Ok(IncidentCategory.All.Select(c => new CategoryResponse(c.Code, c.Numeral, c.DisplayName)))).RequireAuthorization(Policies.Public)
            .WithTags("Incidents").WithName("ListCategories").WithSummary("The reportable incident categories (CERT-In Directions 2022, Annexure I)");
        // The pages (Pages/*.razor) are components; these are what they post besides themselves, and the receipt's download.
        app.MapIncidentPages();
        return app;
    }
}
