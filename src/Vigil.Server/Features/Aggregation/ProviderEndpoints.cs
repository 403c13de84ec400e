using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// /api/v1/advisories/providers: analysts and admins follow CSAF providers, run them now, and read every run's imported,
/// refused and skipped documents. Following and asking for a run are on the record.
/// </summary>
public static class ProviderEndpoints
{
    public const string Root = "/api/v1/advisories/providers";

    /// <summary>The body of POST /api/v1/advisories/providers, for the API description; read strictly by the handler.</summary>
    public sealed record FollowRequest(string Url);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root).WithTags("Advisories").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListAsync).WithName("ListProviders").WithSummary("The CSAF providers Vigil follows, each with its last run");
        group.MapPost("/", FollowAsync).Accepts<FollowRequest>("application/json")
            .WithName("FollowProvider").WithSummary("Follow a CSAF provider, named by its provider-metadata.json or its domain");
        group.MapGet("/{id:long}", GetAsync).WithName("GetProvider").WithSummary("One followed provider with its last run");
        group.MapGet("/{id:long}/runs", RunsAsync).WithName("ListProviderRuns").WithSummary("A provider's runs, newest first, each with what it imported, refused and skipped");
        group.MapPost("/{id:long}/runs", RunNowAsync).WithName("RunProvider").WithSummary("Run a followed provider now and answer with what was imported and refused");
    }

    private static async Task<Ok<List<ProviderResponse>>> ListAsync(VigilDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ProvidersAsync(db, cancellationToken));

    /// <summary>The followed providers, each with its last run: the API's list and the staff's page.</summary>
    public static async Task<List<ProviderResponse>> ProvidersAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        var providers = await db.FollowedProviders.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var runs = await LastRunsAsync(db, cancellationToken);
        return [.. providers.Select(p => ProviderResponse.From(p, runs.GetValueOrDefault(p.Id)))];
    }

    private static async Task<Results<Created<ProviderResponse>, Ok<ProviderResponse>, ProblemHttpResult>> FollowAsync(
        HttpRequest request, ClaimsPrincipal user, ProviderFollowing following, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return await FollowBodyAsync(document!.RootElement, user, following, db, clock, cancellationToken);
        }
    }

    /// <summary>Reads <c>{url}</c> strictly and follows the provider it names, on the record: the API's handler and the staff's page.</summary>
    public static async Task<Results<Created<ProviderResponse>, Ok<ProviderResponse>, ProblemHttpResult>> FollowBodyAsync(
        System.Text.Json.JsonElement body, ClaimsPrincipal user, ProviderFollowing following, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        string? text = null;
        var reader = new JsonFieldReader(clock.GetUtcNow());
        reader.Object(body, "", new Dictionary<string, Action<System.Text.Json.JsonElement, string>>
        {
            ["url"] = (value, pointer) => text = reader.String(value, pointer, 2000),
        }, "url");
        var start = text is null ? null : ProviderLocator.Candidate(text);
        if (text is not null && start is null)
        {
            reader.Fail("/url", "must be an http(s) URL (of provider-metadata.json, or of the provider's site) or a domain");
        }
        if (reader.Errors.Count > 0)
        {
            return Problems.InvalidFields(reader.Errors);
        }
        var (followed, notFound) = await following.FollowAsync(start!, user, cancellationToken);
        if (followed is not { } found)
        {
            return Problems.InvalidFields([new FieldError("/url", notFound!)], title: "No CSAF provider found there");
        }
        var response = ProviderResponse.From(found.Provider, await LastRunAsync(db, found.Provider.Id, cancellationToken));
        return found.IsNew ? TypedResults.Created($"{Root}/{found.Provider.Id}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> GetAsync(long id, VigilDbContext db, CancellationToken cancellationToken)
    {
        var provider = await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return provider is null ? Problems.NotFound($"followed provider {id}")
            : TypedResults.Ok(ProviderResponse.From(provider, await LastRunAsync(db, id, cancellationToken)));
    }

    private static async Task<Results<Ok<List<RunResponse>>, ProblemHttpResult>> RunsAsync(
        long id, [FromQuery(Name = "limit")] int? limit, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 100)
        {
            return Problems.InvalidParameters([("limit", "must be from 1 to 100")]);
        }
        var provider = await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null)
        {
            return Problems.NotFound($"followed provider {id}");
        }
        return TypedResults.Ok(await RunsOfAsync(db, provider, limit ?? 10, cancellationToken));
    }

    /// <summary>A provider's last runs, newest first, each with what it imported, refused and skipped: the API's list and the staff's page.</summary>
    public static async Task<List<RunResponse>> RunsOfAsync(VigilDbContext db, Data.Entities.FollowedProvider provider, int limit, CancellationToken cancellationToken)
    {
        var runs = await db.ProviderRuns.AsNoTracking().Where(r => r.ProviderId == provider.Id)
            .OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        var runIds = runs.Select(r => r.Id).ToList();
        var entries = (await db.ProviderRunEntries.AsNoTracking().Where(e => runIds.Contains(e.RunId)).OrderBy(e => e.Id).ToListAsync(cancellationToken))
            .ToLookup(e => e.RunId);
        return [.. runs.Select(r => RunResponse.From(provider, r, entries[r.Id].Select(e => new RunOutcome(e.Url, e.Outcome, e.Reason, e.AdvisoryId))))];
    }

    /// <summary>Runs a followed provider now, on the record: the API's handler and the staff's page.</summary>
    public static async Task<Results<Created<RunResponse>, ProblemHttpResult>> RunNowAsync(
        long id, ClaimsPrincipal user, VigilDbContext db, ProviderSync sync, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var provider = await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null)
        {
            return Problems.NotFound($"followed provider {id}");
        }
        // A client that stops waiting does not stop the run: it finishes and is recorded, to be read from /runs.
        var (run, outcomes) = await sync.RunAsync(id, ProviderSync.Requested, user, lifetime.ApplicationStopping);
        return TypedResults.Created($"{Root}/{id}/runs", RunResponse.From(provider, run, outcomes));
    }

    private static async Task<Dictionary<long, Data.Entities.ProviderRun>> LastRunsAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        var lastIds = await db.ProviderRuns.AsNoTracking().GroupBy(r => r.ProviderId).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        return await db.ProviderRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.ProviderId, cancellationToken);
    }

    public static Task<Data.Entities.ProviderRun?> LastRunAsync(VigilDbContext db, long id, CancellationToken cancellationToken) =>
        db.ProviderRuns.AsNoTracking().Where(r => r.ProviderId == id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
}
