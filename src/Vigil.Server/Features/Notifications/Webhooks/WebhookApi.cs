using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>
/// /api/v1/webhooks: the endpoints notifications are POSTed to. Reporters manage their organisation's, administrators
/// any and the CERT's own. A secret is shown once, when the endpoint is created and at each rotation.
/// </summary>
public static class WebhookApi
{
    public const string Root = "/api/v1/webhooks";

    /// <summary>The body of POST /api/v1/webhooks, for the API description; read strictly by the handler.</summary>
    public sealed record CreateBody(string Url, string? Description, string? OrganisationId);

    /// <summary>The body of POST /api/v1/webhooks/{id}/rotate: how long the previous secret keeps signing (ISO 8601, default PT24H).</summary>
    public sealed record RotateBody(string? Overlap);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root).WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        group.MapPost("/", CreateAsync).Accepts<CreateBody>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .ShowsSecretOnce<WebhookSecretResponse>(answer => answer.Resource)
            .WithName("CreateWebhook").WithSummary("Add a webhook endpoint; its signing secret is shown only in this response");
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("The webhook endpoints you manage, newest first");
        group.MapGet("/{id}", GetAsync).WithName("GetWebhook").WithSummary("One webhook endpoint");
        group.MapPost("/{id}/rotate", RotateAsync).Accepts<RotateBody>("application/json")
            .ShowsSecretOnce<WebhookSecretResponse>(answer => answer.Resource)
            .WithName("RotateWebhookSecret").WithSummary("A new signing secret, shown only in this response; the previous one signs beside it for the overlap");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook endpoint: nothing more is sent to it");
    }

    private static async Task<Results<Created<WebhookSecretResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, WebhookAdministration webhooks, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (read, errors) = await webhooks.ReadCreateAsync(document!.RootElement, user, cancellationToken);
            if (read is null)
            {
                return Problems.InvalidFields(errors);
            }
            var created = await webhooks.CreateAsync(read, user, cancellationToken);
            return TypedResults.Created(created.Resource, created);
        }
    }

    private static async Task<Ok<List<WebhookResponse>>> ListAsync(ClaimsPrincipal user, WebhookAdministration webhooks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var endpoints = await webhooks.Visible(user).OrderByDescending(e => e.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(endpoints.Select(e => WebhookResponse.From(e, now)).ToList());
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, WebhookAdministration webhooks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.Visible(user).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return endpoint is null ? Problems.NotFound("webhook endpoint " + id) : TypedResults.Ok(WebhookResponse.From(endpoint, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> RotateAsync(
        string id, HttpRequest request, ClaimsPrincipal user, WebhookAdministration webhooks, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (overlap, errors) = webhooks.ReadRotate(document!.RootElement);
            if (overlap is null)
            {
                return Problems.InvalidFields(errors);
            }
            var rotated = await webhooks.RotateAsync(id, overlap.Value, user, cancellationToken);
            return rotated is null ? Problems.NotFound("webhook endpoint " + id) : TypedResults.Ok(rotated);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, WebhookAdministration webhooks, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(id, user, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("webhook endpoint " + id);
}
