using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Deliveries;

/// <summary>/api/v1/notifications/deliveries: the outbox as its readers may see it, each message's tries, and "send again".</summary>
public static class DeliveryEndpoints
{
    public const string Root = "/api/v1/notifications/deliveries";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root).WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync).WithName("ListDeliveries")
            .WithSummary("Notification messages, newest first: all for an administrator, a reporter's organisation's, and your own");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetDelivery").WithSummary("One message with its data and every try");
        group.MapPost("/{id:guid}/resend", ResendAsync).WithName("ResendDelivery")
            .WithSummary("Send a dead or delivered message again: pending now, its history kept, on the record");
    }

    private static async Task<Results<Ok<List<DeliveryResponse>>, ProblemHttpResult>> ListAsync(
        [FromQuery(Name = "state")] string? state, [FromQuery(Name = "channel")] string? channel, [FromQuery(Name = "limit")] int? limit,
        ClaimsPrincipal user, DeliveryViews views, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (state is not null && !DeliveryViews.States.Contains(state))
        {
            errors.Add(("state", "must be one of " + string.Join(", ", DeliveryViews.States)));
        }
        if (channel is not null && !DeliveryViews.Channels.Contains(channel))
        {
            errors.Add(("channel", "must be one of " + string.Join(", ", DeliveryViews.Channels)));
        }
        if (limit is < 1 or > 500)
        {
            errors.Add(("limit", "must be from 1 to 500"));
        }
        return errors.Count > 0 ? Problems.InvalidParameters(errors)
            : TypedResults.Ok(await views.ListAsync(user, state, channel, limit ?? 100, cancellationToken));
    }

    private static async Task<Results<Ok<DeliveryDetailResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, DeliveryViews views, CancellationToken cancellationToken) =>
        await views.GetAsync(user, id, cancellationToken) is { } found ? TypedResults.Ok(found) : Problems.NotFound("notification message " + id);

    private static async Task<Results<Accepted<DeliveryDetailResponse>, ProblemHttpResult>> ResendAsync(
        Guid id, ClaimsPrincipal user, DeliveryViews views, CancellationToken cancellationToken)
    {
        switch (await views.ResendAsync(user, id, cancellationToken))
        {
            case DeliveryViews.ResendResult.NotFound:
                return Problems.NotFound("notification message " + id);
            case DeliveryViews.ResendResult.NotFinished:
                return Problems.Conflict("urn:vigil:problem:delivery-not-finished", "The message is not dead or delivered",
                    "Only a message that was delivered or given up can be sent again; a pending one is tried at its next attempt time.");
            default:
                var detail = await views.GetAsync(user, id, cancellationToken);
                return TypedResults.Accepted($"{Root}/{id}", detail!);
        }
    }
}
