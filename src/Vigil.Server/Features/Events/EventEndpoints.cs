using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Record;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Events;

/// <summary>One event as listed: who did what to what, when, its details, and its leaf in the log.</summary>
public sealed record EventResponse(
    long Id, string Kind, string ObjectKind, string ObjectId, string? ActorId, string? ActorRole, string? ActorOrganisationId,
    string? OrganisationId, string ReceivedAt, JsonElement Details, string ContentSha256, long LeafIndex)
{
    public static EventResponse From(RecordEvent e)
    {
        using var details = JsonDocument.Parse(e.Content);
        return new(e.Id, e.Kind, e.ObjectKind, e.ObjectId, e.ActorId, e.ActorRole, e.ActorOrganisationId, e.OrganisationId,
            SubmissionCommitment.FormatTime(e.ReceivedAt), details.RootElement.Clone(), e.ContentSha256, e.LeafIndex);
    }
}

/// <summary>
/// GET /api/v1/events: the events on the record the caller may see, newest first. The CERT sees every one; a member
/// of an organisation sees those that concern its organisation and are meant for it (such as "the CERT read this
/// incident"). Filters narrow by object, kind and time.
/// </summary>
public static class EventEndpoints
{
    public const int MaxLimit = 500;

    public sealed record Query(
        [property: FromQuery(Name = "object_kind")] string? ObjectKind,
        [property: FromQuery(Name = "object_id")] string? ObjectId,
        [property: FromQuery(Name = "kind")] string? Kind,
        [property: FromQuery(Name = "before")] long? Before,
        [property: FromQuery(Name = "limit")] int? Limit);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/events", List).WithTags("Events").RequireAuthorization(Policies.SignedIn)
            .WithName("ListEvents").WithSummary("Administrative changes, reads of confidential incidents and downloads on the record, newest first");

    private static async Task<Results<Ok<List<EventResponse>>, ProblemHttpResult>> List(
        [AsParameters] Query query, VigilDbContext db, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 100;
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.InvalidParameters([("limit", $"must be from 1 to {MaxLimit}")]);
        }
        var events = db.RecordEvents.AsNoTracking();
        if (query.ObjectKind is { } objectKind) events = events.Where(e => e.ObjectKind == objectKind);
        if (query.ObjectId is { } objectId) events = events.Where(e => e.ObjectId == objectId);
        if (query.Kind is { } kind) events = events.Where(e => e.Kind == kind);
        if (query.Before is { } before) events = events.Where(e => e.Id < before);
        var rows = await events.OrderByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(EventResponse.From).ToList());
    }
}
