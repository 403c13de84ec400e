using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Requests;

/// <summary>Requests for information: analysts open them on an incident, reporters answer with an update that names one.</summary>
public static class RequestsFeature
{
    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents/{id}/requests").WithTags("Requests").RequireAuthorization(Policies.CaseReaders);
        group.MapPost("/", InformationRequests.Open).RequireAuthorization(Roles.Analyst)
            .Accepts<InformationRequests.Body>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("OpenRequest").WithSummary("Ask the reporting organisation for information by a due time");
        group.MapGet("/", InformationRequests.List).WithName("ListRequests")
            .WithSummary("The incident's requests for information: open, answered on time, answered late, or overdue");
        return app;
    }
}
