using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Sharing;

/// <summary>
/// Widening a labelled thing's audience, on the record: the CERT shares an AMBER thing with a named organisation;
/// whoever speaks for a RED thing's source names the people who may read it. The same endpoints serve incidents,
/// notes, indicator collections and imported advisories; the rules are <see cref="TlpAudience.MayShare"/> and
/// <see cref="TlpAudience.MayName"/>.
/// </summary>
public static class SharingEndpoints
{
    public sealed record ShareRequest(string OrganisationId);

    public sealed record NameRequest(string? UserId, string? Email);

    public sealed record GrantResponse(string? OrganisationId, string? UserId, string? GrantedBy, DateTimeOffset GrantedAt)
    {
        public static GrantResponse From(AccessGrant g) => new(g.OrganisationId, g.UserId, g.GrantedBy, g.GrantedAt);
    }

    public sealed record AccessResponse(string Kind, string Id, string Tlp, string? OwnerOrganisationId, IReadOnlyList<GrantResponse> SharedWith, IReadOnlyList<GrantResponse> Named);

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        foreach (var (prefix, kind) in SharedThings.Routes)
        {
            var group = app.MapGroup(prefix).WithTags("Sharing");
            group.MapGet("/access", (string id, ClaimsPrincipal user, VigilDbContext db, CancellationToken ct) => Access(kind, id, db, ct))
                .RequireAuthorization(Policies.SignedIn).WithName($"GetAccess-{kind}").WithSummary("Who the thing is shared with and who is named on it");
            group.MapPost("/shares", (string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken ct) =>
                    Share(kind, id, request, user, db, events, clock, ct))
                .RequireAuthorization(Policies.Staff).Accepts<ShareRequest>("application/json")
                .WithName($"Share-{kind}").WithSummary("Share an AMBER thing with an organisation (CERT staff)");
            group.MapDelete("/shares/{organisationId}", (string id, string organisationId, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken ct) =>
                    Revoke(kind, id, g => g.OrganisationId == organisationId, "share-revoked", user, db, events, clock, ct))
                .RequireAuthorization(Policies.Staff).WithName($"Unshare-{kind}").WithSummary("Stop sharing with an organisation");
            group.MapPost("/readers", (string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken ct) =>
                    Name(kind, id, request, user, db, events, clock, ct))
                .RequireAuthorization(Policies.SignedIn).Accepts<NameRequest>("application/json")
                .WithName($"NameReader-{kind}").WithSummary("Name a person who may read the thing under TLP:RED");
            group.MapDelete("/readers/{userId}", (string id, string userId, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken ct) =>
                    Revoke(kind, id, g => g.UserId == userId, "reader-unnamed", user, db, events, clock, ct))
                .RequireAuthorization(Policies.SignedIn).WithName($"UnnameReader-{kind}").WithSummary("Take a person off the thing's named readers");
        }
        return app;
    }

    private static async Task<Results<Ok<AccessResponse>, ProblemHttpResult>> Access(string kind, string id, VigilDbContext db, CancellationToken cancellationToken)
    {
        var thing = await SharedThings.FindAsync(db, kind, id, cancellationToken);
        // Who else reads it is for the CERT and the owning organisation, not for every reader of a GREEN thing.
        if (thing is null || !(db.Reader.Standing == ReaderStanding.Cert || (thing.OwnerOrganisationId is not null && thing.OwnerOrganisationId == db.Reader.OrganisationId)))
        {
            return Problems.NotFound($"{kind} {id}");
        }
        var grants = await db.AccessGrants.AsNoTracking().Where(g => g.ObjectKind == kind && g.ObjectId == id && g.RevokedAt == null)
            .OrderBy(g => g.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AccessResponse(kind, id, thing.Tlp, thing.OwnerOrganisationId,
            [.. grants.Where(g => g.OrganisationId is not null).Select(GrantResponse.From)], [.. grants.Where(g => g.UserId is not null).Select(GrantResponse.From)]));
    }

    private static async Task<Results<Created<GrantResponse>, ProblemHttpResult>> Share(
        string kind, string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var thing = await SharedThings.FindAsync(db, kind, id, cancellationToken);
        if (thing is null || !TlpAudience.MayShare(db.Reader, await SharedThings.FactsAsync(db, thing, db.Reader, cancellationToken)))
        {
            return Problems.NotFound($"{kind} {id}");
        }
        var (body, problem) = await ReadAsync(request, clock, "organisation_id", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var organisationId = body!["organisation_id"];
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return Problems.InvalidFields([new FieldError("/organisation_id", $"there is no organisation {organisationId}")]);
        }
        if (organisationId == thing.OwnerOrganisationId)
        {
            return Problems.InvalidFields([new FieldError("/organisation_id", "the organisation owns it already")]);
        }
        return await GrantAsync(thing, new AccessGrant { ObjectKind = kind, ObjectId = id, OrganisationId = organisationId },
            "shared", thing.OwnerOrganisationId ?? organisationId, user, db, events, clock, cancellationToken);
    }

    private static async Task<Results<Created<GrantResponse>, ProblemHttpResult>> Name(
        string kind, string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var thing = await SharedThings.FindAsync(db, kind, id, cancellationToken);
        if (thing is null || !TlpAudience.MayName(db.Reader, await SharedThings.FactsAsync(db, thing, db.Reader, cancellationToken)))
        {
            return Problems.NotFound($"{kind} {id}");
        }
        var (body, problem) = await ReadAsync(request, clock, null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var values = body!;
        var (userId, email) = (values.GetValueOrDefault("user_id"), values.GetValueOrDefault("email")?.ToLowerInvariant());
        var named = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null && (u.Id == userId || u.Email == email))
            .Select(u => new { u.Id, u.OrganisationId }).FirstOrDefaultAsync(cancellationToken);
        if ((userId is null) == (email is null) || named is null)
        {
            return Problems.InvalidFields([new FieldError(email is null ? "/user_id" : "/email", "must name one enabled user, by user_id or by email")]);
        }
        return await GrantAsync(thing, new AccessGrant { ObjectKind = kind, ObjectId = id, UserId = named.Id },
            "reader-named", thing.OwnerOrganisationId ?? named.OrganisationId, user, db, events, clock, cancellationToken);
    }

    private static async Task<Results<Created<GrantResponse>, ProblemHttpResult>> GrantAsync(
        SharedThing thing, AccessGrant grant, string eventKind, string? concerns, ClaimsPrincipal user, VigilDbContext db, EventRecorder events,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var existing = await db.AccessGrants.AsNoTracking().FirstOrDefaultAsync(g => g.ObjectKind == thing.Kind && g.ObjectId == thing.Id && g.RevokedAt == null
            && g.OrganisationId == grant.OrganisationId && g.UserId == grant.UserId, cancellationToken);
        if (existing is not null)
        {
            return TypedResults.Created($"{thing.Kind}/{thing.Id}/access", GrantResponse.From(existing));
        }
        var made = new AccessGrant
        {
            ObjectKind = grant.ObjectKind, ObjectId = grant.ObjectId, OrganisationId = grant.OrganisationId, UserId = grant.UserId,
            GrantedBy = user.UserId(), GrantedAt = clock.GetUtcNow(),
        };
        db.AccessGrants.Add(made);
        await events.RecordAsync(new EventRecorder.Event(eventKind, thing.Kind, thing.Id, Details(thing, made), concerns, OrganisationMayRead: concerns is not null),
            user, cancellationToken);
        return TypedResults.Created($"{thing.Kind}/{thing.Id}/access", GrantResponse.From(made));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string kind, string id, System.Linq.Expressions.Expression<Func<AccessGrant, bool>> which, string eventKind, ClaimsPrincipal user,
        VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var thing = await SharedThings.FindAsync(db, kind, id, cancellationToken);
        var facts = thing is null ? null : await SharedThings.FactsAsync(db, thing, db.Reader, cancellationToken);
        var allowed = facts is not null && (eventKind == "share-revoked" ? TlpAudience.MayShare(db.Reader, facts) : TlpAudience.MayName(db.Reader, facts));
        var grants = allowed ? await db.AccessGrants.Where(g => g.ObjectKind == kind && g.ObjectId == id && g.RevokedAt == null).Where(which).ToListAsync(cancellationToken) : [];
        if (grants.Count == 0)
        {
            return Problems.NotFound($"such a grant on {kind} {id}");
        }
        foreach (var grant in grants)
        {
            grant.RevokedAt = clock.GetUtcNow();
        }
        var concerns = thing!.OwnerOrganisationId ?? grants[0].OrganisationId;
        await events.RecordAsync(new EventRecorder.Event(eventKind, kind, id, Details(thing, grants[0]), concerns, OrganisationMayRead: concerns is not null),
            user, cancellationToken);
        return TypedResults.NoContent();
    }

    private static JsonObject Details(SharedThing thing, AccessGrant grant) => new()
    {
        ["tlp"] = thing.Tlp,
        ["organisation_id"] = grant.OrganisationId,
        ["user_id"] = grant.UserId,
    };

    /// <summary>A body of string members only: organisation_id (required when named), or user_id / email.</summary>
    private static async Task<(Dictionary<string, string>? Body, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, TimeProvider clock, string? required, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] fields = required is not null ? [required] : ["user_id", "email"];
        var problem = await StrictObject.ReadAsync(request, clock, r => fields.ToDictionary(f => f, f => (Action<JsonElement, string>)((v, p) =>
        {
            if (r.String(v, p, 254) is { } text) { body[f] = text; }
        })), required is null ? [] : [required], cancellationToken);
        return problem is null ? (body, null) : (null, problem);
    }
}
