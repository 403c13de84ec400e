using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Geography;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Organisations;

/// <summary>Organisations that must report, managed by admins.</summary>
public static class OrganisationsFeature
{
    public sealed record ContactResponse(string Name, string? Role, string Email, string? Phone);

    public sealed record OrganisationResponse(string Id, string Name, string Sector, string Country, ContactResponse PointOfContact, DateTimeOffset CreatedAt)
    {
        public static OrganisationResponse From(Organisation o) =>
            new(o.Id, o.Name, o.Sector, o.Country, new ContactResponse(o.ContactName, o.ContactRole, o.ContactEmail, o.ContactPhone), o.CreatedAt);
    }

    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record CreateRequest(string Name, string Sector, string Country, ContactResponse PointOfContact);

    public static IServiceCollection AddOrganisations(this IServiceCollection services) => services.AddScoped<OrganisationAdministration>();

    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Organisations").RequireAuthorization(Roles.Admin);
        group.MapPost("/", Create).Accepts<CreateRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateOrganisation").WithSummary("Register an organisation that must report");
        group.MapGet("/", async (VigilDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct)).Select(OrganisationResponse.From).ToList()))
            .WithName("ListOrganisations");
        group.MapGet("/{id}", async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> (string id, VigilDbContext db, CancellationToken ct) =>
                await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } o
                    ? TypedResults.Ok(OrganisationResponse.From(o))
                    : Problems.NotFound("organisation " + id))
            .WithName("GetOrganisation");
        group.MapPut("/{id}/contact", ChangeContact).Accepts<ContactResponse>("application/json")
            .WithName("ChangeOrganisationContact").WithSummary("Change an organisation's point of contact");
        return app;
    }

    private static async Task<Results<Created<OrganisationResponse>, ProblemHttpResult>> Create(
        HttpRequest request, ClaimsPrincipal actor, OrganisationAdministration organisations, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (organisation, errors) = await organisations.CreateAsync(document!.RootElement, actor, cancellationToken);
            return organisation is null
                ? Problems.InvalidFields(errors)
                : TypedResults.Created($"/api/v1/organisations/{organisation.Id}", OrganisationResponse.From(organisation));
        }
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> ChangeContact(
        string id, HttpRequest request, ClaimsPrincipal actor, OrganisationAdministration organisations, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (organisation, errors) = await organisations.ChangeContactAsync(id, document!.RootElement, actor, cancellationToken);
            return organisation is not null ? TypedResults.Ok(OrganisationResponse.From(organisation))
                : errors.Count > 0 ? Problems.InvalidFields(errors)
                : Problems.NotFound("organisation " + id);
        }
    }
}
