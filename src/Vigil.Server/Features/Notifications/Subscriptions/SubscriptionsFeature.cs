using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Scheduling;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Subscriptions: who hears of what over which channel (<c>/api/v1/subscriptions</c> and the page), the defaults every
/// organisation starts with, and the daily digests.
/// </summary>
public static class SubscriptionsFeature
{
    /// <summary>The body of a new subscription, for the API description; the server reads it strictly itself.</summary>
    public sealed record CreateBody(string EventType, string Channel, string? Destination = null, string? Digest = null, bool? Enabled = null, string? OrganisationId = null);

    /// <summary>The body of a change, for the API description.</summary>
    public sealed record UpdateBody(bool? Enabled = null, string? Digest = null, string? Destination = null);

    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddScoped<SubscriptionChanges>();
        services.AddHostedService<SubscriptionDefaultsJob>();
        services.AddHostedService<DigestJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync).WithName("ListSubscriptions")
            .WithSummary("Your own subscriptions and those of the organisation you manage (a reporter's own; any one, for an admin, by ?organisation=)");
        group.MapPost("/", CreateAsync).Accepts<CreateBody>("application/json").WithName("CreateSubscription")
            .WithSummary("Subscribe yourself, or with organisation_id an organisation, to one event type over e-mail or a webhook");
        group.MapPatch("/{id:long}", UpdateAsync).Accepts<UpdateBody>("application/json").WithName("UpdateSubscription")
            .WithSummary("Turn a subscription on or off, change its digest or where it sends");
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteSubscription")
            .WithSummary("Remove a subscription (an organisation's default is disabled instead, so it is not given back)");
        return app;
    }

    private static async Task<Ok<SubscriptionList>> ListAsync(
        [FromQuery(Name = "organisation")] string? organisation, ClaimsPrincipal user, SubscriptionChanges changes, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SubscriptionList([.. (await changes.ListAsync(user, organisation, cancellationToken)).Select(SubscriptionResponse.From)]));

    private static async Task<Results<Created<SubscriptionResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, SubscriptionChanges changes, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var outcome = await changes.CreateAsync(document!.RootElement, user, cancellationToken);
            return outcome.Row is { } row
                ? TypedResults.Created($"/api/v1/subscriptions/{row.Id}", SubscriptionResponse.From(row))
                : Refused(outcome);
        }
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> UpdateAsync(
        long id, HttpRequest request, ClaimsPrincipal user, SubscriptionChanges changes, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var outcome = await changes.UpdateAsync(id, document!.RootElement, user, cancellationToken);
            return outcome.Row is { } row ? TypedResults.Ok(SubscriptionResponse.From(row)) : Refused(outcome, id);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, ClaimsPrincipal user, SubscriptionChanges changes, CancellationToken cancellationToken)
    {
        var outcome = await changes.DeleteAsync(id, user, cancellationToken);
        return outcome.Row is not null ? TypedResults.NoContent() : Refused(outcome, id);
    }

    private static ProblemHttpResult Refused(SubscriptionChanges.Outcome outcome, long? id = null) =>
        outcome.Missing ? Problems.NotFound($"subscription {id}")
        : outcome.Forbidden ? Problems.Create(StatusCodes.Status403Forbidden, "urn:vigil:problem:not-your-organisation",
            "Not your organisation", "Only the organisation's reporters and administrators manage its subscriptions.",
            [new Dictionary<string, string> { ["pointer"] = "/organisation_id", ["detail"] = "is an organisation whose subscriptions you do not manage" }])
        : Problems.InvalidFields(outcome.Errors);
}
