using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Advisories;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Aggregation;

/// <summary>A publisher namespace and the followed provider it belongs to (<see cref="PublisherNamespaceClaims"/>).</summary>
/// <param name="Namespace">As compared: lower case, without a trailing '/'.</param>
/// <param name="PinnedBy">The person who pinned it; null when the provider's metadata claimed it first.</param>
public sealed record PublisherNamespaceResponse(string Namespace, long ProviderId, string ProviderUrl, DateTimeOffset ClaimedAt, string? PinnedBy);

/// <summary>
/// /api/v1/advisories/namespaces: which provider each publisher namespace belongs to, and an analyst's pin of one to
/// another provider (a publisher that moved, or a provider that declared the namespace first without owning it).
/// Pinning is on the record.
/// </summary>
public static class PublisherNamespaceEndpoints
{
    public const string Root = "/api/v1/advisories/namespaces";

    public const string PinnedEvent = "publisher-namespace-pinned";

    /// <summary>The body of PUT /api/v1/advisories/namespaces, for the API description; read strictly by the handler.</summary>
    public sealed record PinRequest(string Namespace, long ProviderId);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root).WithTags("Advisories").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListAsync).WithName("ListPublisherNamespaces").WithSummary("Each publisher namespace and the followed provider it belongs to");
        group.MapPut("/", PinAsync).Accepts<PinRequest>("application/json")
            .WithName("PinPublisherNamespace").WithSummary("Pin a publisher namespace to a followed provider: documents under it from any other provider are refused");
    }

    private static async Task<Ok<List<PublisherNamespaceResponse>>> ListAsync(VigilDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.PublisherNamespaces.AsNoTracking().OrderBy(n => n.Namespace)
            .Join(db.FollowedProviders, n => n.ProviderId, p => p.Id, (n, p) => new PublisherNamespaceResponse(n.Namespace, n.ProviderId, p.MetadataUrl, n.ClaimedAt, n.PinnedBy))
            .ToListAsync(cancellationToken));

    private static async Task<Results<Ok<PublisherNamespaceResponse>, ProblemHttpResult>> PinAsync(
        HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (publisherNamespace, providerId, reader) = Read(document!, clock.GetUtcNow());
        var provider = reader.Errors.Count > 0 ? null
            : await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (reader.Errors.Count == 0 && provider is null)
        {
            reader.Fail("/provider_id", $"no followed provider has the id {providerId}");
        }
        if (reader.Errors.Count > 0)
        {
            return Problems.InvalidFields(reader.Errors);
        }
        var key = AdvisoryRevisions.NamespaceKey(publisherNamespace!);
        try
        {
            await using var transaction = await writes.BeginAsync(db, cancellationToken);
            var claim = await db.PublisherNamespaces.SingleOrDefaultAsync(n => n.Namespace == key, cancellationToken);
            var previous = claim?.ProviderId;
            if (claim is null)
            {
                claim = new PublisherNamespace { Namespace = key };
                db.PublisherNamespaces.Add(claim);
            }
            (claim.ProviderId, claim.ClaimedAt, claim.PinnedBy) = (provider!.Id, clock.GetUtcNow(), user.UserId());
            var details = new JsonObject { ["namespace"] = key, ["provider_id"] = provider.Id, ["previous_provider_id"] = previous };
            await events.RecordAsync(new EventRecorder.Event(PinnedEvent, "publisher-namespace", key, details), user, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(new PublisherNamespaceResponse(key, provider.Id, provider.MetadataUrl, claim.ClaimedAt, claim.PinnedBy));
        }
        catch (DbUpdateException e) when (!Infrastructure.Storage.StorageFull.Is(e))
        {
            // Another server claimed or pinned the namespace at this moment; nothing was stored. (A full storage is no
            // race: it is answered as such.)
            return Problems.Conflict("urn:vigil:problem:namespace-changed", "The namespace changed meanwhile",
                $"publisher namespace {key} was claimed or pinned at the same moment; read it again and retry");
        }
    }

    private static (string? Namespace, long? ProviderId, JsonFieldReader Reader) Read(JsonDocument document, DateTimeOffset now)
    {
        string? publisherNamespace = null;
        long? providerId = null;
        var reader = new JsonFieldReader(now);
        using (document)
        {
            reader.Object(document.RootElement, "", new Dictionary<string, Action<JsonElement, string>>
            {
                ["namespace"] = (value, pointer) =>
                {
                    publisherNamespace = reader.String(value, pointer, PublisherNamespaceClaims.MaxLength);
                    if (publisherNamespace is not null && !Uri.TryCreate(publisherNamespace, UriKind.Absolute, out _))
                    {
                        reader.Fail(pointer, "must be an absolute URI, as a CSAF publisher namespace is");
                        publisherNamespace = null;
                    }
                },
                ["provider_id"] = (value, pointer) => providerId = reader.Count(value, pointer),
            }, "namespace", "provider_id");
        }
        return (publisherNamespace, providerId, reader);
    }
}
