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
        return app;
    }

    private static async Task<Results<Created<OrganisationResponse>, ProblemHttpResult>> Create(
        HttpRequest request, ClaimsPrincipal actor, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            string? name = null, sector = null, country = null, contactName = null, contactRole = null, contactEmail = null, contactPhone = null;
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
            {
                ["name"] = (v, p) => name = reader.String(v, p, IncidentFields.MaxShortText),
                ["sector"] = (v, p) => sector = reader.String(v, p, 100),
                ["country"] = (v, p) =>
                {
                    country = reader.String(v, p, 2);
                    if (country is not null && !CountryCode.IsAssigned(country))
                    {
                        reader.Fail(p, $"'{country}' is not an ISO 3166-1 alpha-2 country code");
                    }
                },
                ["point_of_contact"] = (v, p) => reader.Object(v, p, new Dictionary<string, Action<JsonElement, string>>
                {
                    ["name"] = (cv, cp) => contactName = reader.String(cv, cp, IncidentFields.MaxShortText),
                    ["role"] = (cv, cp) => contactRole = reader.String(cv, cp, IncidentFields.MaxShortText),
                    ["email"] = (cv, cp) => contactEmail = reader.Email(cv, cp),
                    ["phone"] = (cv, cp) => contactPhone = reader.Phone(cv, cp),
                }, "name", "email"),
            }, "name", "sector", "country", "point_of_contact");
            if (name is not null && await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
            {
                reader.Fail("/name", $"an organisation named '{name}' already exists");
            }
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
            var now = clock.GetUtcNow();
            var organisation = new Organisation
            {
                Id = Guid.CreateVersion7(now).ToString(),
                Name = name!,
                Sector = sector!,
                Country = country!,
                ContactName = contactName!,
                ContactRole = contactRole,
                ContactEmail = contactEmail!,
                ContactPhone = contactPhone,
                CreatedAt = now,
            };
            db.Organisations.Add(organisation);
            // On the record, where the organisation itself can read it.
            await events.RecordAsync(new EventRecorder.Event("organisation-created", "organisation", organisation.Id,
                new JsonObject { ["name"] = organisation.Name, ["sector"] = organisation.Sector, ["country"] = organisation.Country },
                organisation.Id, OrganisationMayRead: true), actor, cancellationToken);
            return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", OrganisationResponse.From(organisation));
        }
    }
}
