using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// The address in a mail's List-Unsubscribe: GET shows a page that asks (a link scanner that follows links must not
/// unsubscribe anyone), POST turns the subscription off, from the page's button or from the mail reader's one-click
/// (RFC 8058, which sends no antiforgery token: the signed link is the credential). Open to anyone, limited per address
/// like other open reads. A request that is no such link at all is answered 400; a link whose signature does not hold,
/// 404, like one for no subscription.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(UnsubscribeLinks.Path).RequireAuthorization(Policies.OpenPages).RequireRateLimiting(RateLimits.Costly)
            .WithContentSecurityPolicy(WebFeature.PagePolicy).ExcludeFromDescription();
        group.MapGet("", Ask);
        group.MapPost("", Unsubscribe).DisableAntiforgery();
    }

    private static async Task<IResult> Ask(HttpRequest request, UnsubscribeLinks links, SubscriptionUnsubscribe subscriptions, CancellationToken cancellationToken) =>
        !IsLink(request) ? Invalid(StatusCodes.Status400BadRequest)
        : links.Check(request.Query["s"], request.Query["t"]) is { } id && await subscriptions.FindAsync(id, cancellationToken) is { } target
            ? Page(target.Enabled ? UnsubscribePage.Step.Ask : UnsubscribePage.Step.Done, target, request)
            : Invalid(StatusCodes.Status404NotFound);

    private static async Task<IResult> Unsubscribe(HttpRequest request, UnsubscribeLinks links, SubscriptionUnsubscribe subscriptions, CancellationToken cancellationToken) =>
        !IsLink(request) ? Invalid(StatusCodes.Status400BadRequest)
        : links.Check(request.Query["s"], request.Query["t"]) is { } id && await subscriptions.DisableAsync(id, cancellationToken) is { } target
            ? Page(UnsubscribePage.Step.Done, target, request)
            : Invalid(StatusCodes.Status404NotFound);

    /// <summary>A link of the right shape (a subscription number and a token): else not one of ours at all (400).</summary>
    private static bool IsLink(HttpRequest request) =>
        request.Query["s"] is [{ Length: > 0 and <= 19 } s] && s.All(char.IsAsciiDigit) && request.Query["t"] is [{ Length: > 0 and <= 100 }];

    private static RazorComponentResult Page(UnsubscribePage.Step step, SubscriptionUnsubscribe.Target target, HttpRequest request) =>
        EndpointPages.Show<UnsubscribePage>(parameters: new Dictionary<string, object>
        {
            [nameof(UnsubscribePage.Shown)] = step,
            [nameof(UnsubscribePage.EventType)] = target.EventType,
            [nameof(UnsubscribePage.Address)] = target.Address,
            [nameof(UnsubscribePage.Action)] = request.Path + request.QueryString,
        });

    private static RazorComponentResult Invalid(int status) =>
        EndpointPages.Show<UnsubscribePage>(status, new Dictionary<string, object> { [nameof(UnsubscribePage.Shown)] = UnsubscribePage.Step.Invalid });
}
