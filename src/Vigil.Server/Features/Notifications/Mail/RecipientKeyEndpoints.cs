using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>The OpenPGP key mail is encrypted to: a user's own (<c>/api/v1/me/openpgp-key</c>) and an organisation's contact's.</summary>
public static class RecipientKeyEndpoints
{
    /// <summary>What a registered key is known by.</summary>
    public sealed record OpenPgpKeyResponse(string Fingerprint);

    public static void Map(IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/v1/me/openpgp-key").WithTags("Users").RequireAuthorization(Policies.SignedIn);
        mine.MapPut("", (HttpRequest request, ClaimsPrincipal actor, RecipientKeys keys, CancellationToken ct) =>
                WithBodyAsync(request, body => keys.SetForUserAsync(body, actor, ct), "user", ct))
            .Accepts<object>("application/json").WithName("SetMyOpenPgpKey").WithSummary("Register the OpenPGP public key Vigil encrypts your mail to");
        mine.MapDelete("", async Task<Results<NoContent, ProblemHttpResult>> (ClaimsPrincipal actor, RecipientKeys keys, CancellationToken ct) =>
                Cleared(await keys.ClearForUserAsync(actor, ct), "user"))
            .WithName("ClearMyOpenPgpKey").WithSummary("Remove your OpenPGP public key: mail to you is sent unencrypted");

        var contact = app.MapGroup("/api/v1/organisations/{id}/contact/openpgp-key").WithTags("Organisations").RequireAuthorization(Policies.CaseReaders);
        contact.MapPut("", (string id, HttpRequest request, ClaimsPrincipal actor, RecipientKeys keys, CancellationToken ct) =>
                WithBodyAsync(request, body => keys.SetForContactAsync(id, body, actor, ct), "organisation " + id, ct))
            .Accepts<object>("application/json").WithName("SetContactOpenPgpKey")
            .WithSummary("Register the OpenPGP public key mail to the organisation's point of contact is encrypted to");
        contact.MapDelete("", async Task<Results<NoContent, ProblemHttpResult>> (string id, ClaimsPrincipal actor, RecipientKeys keys, CancellationToken ct) =>
                Cleared(await keys.ClearForContactAsync(id, actor, ct), "organisation " + id))
            .WithName("ClearContactOpenPgpKey").WithSummary("Remove the point of contact's OpenPGP public key");
    }

    private static async Task<Results<Ok<OpenPgpKeyResponse>, ProblemHttpResult>> WithBodyAsync(
        HttpRequest request, Func<System.Text.Json.JsonElement, Task<RecipientKeys.Outcome>> set, string what, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return await set(document!.RootElement) switch
            {
                RecipientKeys.Done { Fingerprint: { } fingerprint } => TypedResults.Ok(new OpenPgpKeyResponse(fingerprint)),
                RecipientKeys.Invalid invalid => Problems.InvalidFields(invalid.Errors),
                _ => Problems.NotFound(what),
            };
        }
    }

    private static Results<NoContent, ProblemHttpResult> Cleared(RecipientKeys.Outcome outcome, string what) =>
        outcome is RecipientKeys.Done ? TypedResults.NoContent() : Problems.NotFound(what);
}
