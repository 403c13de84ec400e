using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// /api/v1/inbound-mail: the CERT's queue of mail to the incident address. Staff read it; analysts decide. The public
/// key the address's mail is encrypted to is given to anyone signed in.
/// </summary>
public static class InboundMailEndpoints
{
    public const string Root = "/api/v1/inbound-mail";
    private static readonly string[] States =
        [InboundStates.Draft, InboundStates.Quarantine, InboundStates.Confirmed, InboundStates.Rejected, InboundStates.Discarded];

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root).WithTags("Inbound mail").RequireAuthorization(Policies.Staff);
        group.MapGet("", ListAsync).WithName("ListInboundMail").WithSummary("Mail to the incident address, newest first, by state");
        group.MapGet("/{id}", ReadAsync).WithName("ReadInboundMail").WithSummary("One message: envelope, headers, text, hash and log leaf");
        group.MapGet("/{id}/raw", RawAsync).WithName("ReadInboundMailRaw").WithSummary("The message's bytes exactly as they arrived");
        group.MapPost("/{id}/confirm", ConfirmAsync).RequireAuthorization(Roles.Analyst).WithName("ConfirmInboundMail")
            .WithSummary("Files a draft as a report (or an update of the incident it replies to), its body completing the mail's");
        group.MapPost("/{id}/reject", (string id, HttpRequest request, ClaimsPrincipal user, InboundDecisions decisions, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, request, clock, "reason", ct, value => decisions.RejectAsync(id, value, user, ct)))
            .RequireAuthorization(Roles.Analyst).WithName("RejectInboundMail").WithSummary("Rejects a draft, with a reason");
        group.MapPost("/{id}/discard", (string id, HttpRequest request, ClaimsPrincipal user, InboundDecisions decisions, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, request, clock, "reason", ct, value => decisions.DiscardAsync(id, value, user, ct)))
            .RequireAuthorization(Roles.Analyst).WithName("DiscardInboundMail").WithSummary("Discards a quarantined message, with a reason");
        group.MapPost("/{id}/assign", (string id, HttpRequest request, ClaimsPrincipal user, InboundDecisions decisions, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, request, clock, "organisation_id", ct, value => decisions.AssignAsync(id, value, user, ct)))
            .RequireAuthorization(Roles.Analyst).WithName("AssignInboundMail").WithSummary("Makes a quarantined message a draft of the organisation named");
        app.MapGet(Root + "/openpgp-key", (InboundMailKey key) => TypedResults.Text(System.Text.Encoding.ASCII.GetString(key.ArmoredPublicKey()), "application/pgp-keys"))
            .RequireAuthorization(Policies.SignedIn).WithTags("Inbound mail").WithName("InboundMailKey")
            .WithSummary("The OpenPGP public key to encrypt mail to the incident address with");
    }

    private static async Task<Results<Ok<InboundMessageList>, ProblemHttpResult>> ListAsync(
        [FromQuery(Name = "state")] string? state, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (state is not null && !States.Contains(state))
        {
            return Problems.InvalidParameters([("state", "must be one of: " + string.Join(", ", States))]);
        }
        var rows = await db.InboundMessages.AsNoTracking().Where(m => state == null || m.State == state)
            .OrderByDescending(m => m.ReceivedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(new InboundMessageList([.. rows.Select(InboundMessageSummary.From)]));
    }

    private static async Task<Results<Ok<InboundMessageDetail>, ProblemHttpResult>> ReadAsync(string id, VigilDbContext db, CancellationToken cancellationToken) =>
        await db.InboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } message
            ? TypedResults.Ok(InboundMessageDetail.From(message))
            : Problems.NotFound("inbound message " + id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RawAsync(string id, VigilDbContext db, AttachmentBlobs blobs, CancellationToken cancellationToken)
    {
        var message = await db.InboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound("inbound message " + id);
        }
        var opened = blobs.Open(message.RawSha256);
        return opened.Plaintext is { } bytes
            ? TypedResults.File(bytes, "application/octet-stream", "message-" + id + InboundDecisions.RawFileExtension)
            : Problems.Create(StatusCodes.Status500InternalServerError, "urn:vigil:problem:attachment-damaged", "The stored message is damaged", opened.Damage!, null);
    }

    private static async Task<Results<Created<SubmissionAccepted>, ProblemHttpResult>> ConfirmAsync(
        string id, HttpRequest request, ClaimsPrincipal user, InboundDecisions decisions, VigilDbContext db, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            if (document!.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.InvalidFields([new FieldError("", "the body must be a JSON object: the report's fields that complete the mail's")]);
            }
            var outcome = await decisions.ConfirmAsync(id, JsonNode.Parse(document.RootElement.GetRawText())!.AsObject(), user, cancellationToken);
            if (Refused(id, outcome) is { } refused)
            {
                return refused;
            }
            var appended = outcome.Appended!;
            return TypedResults.Created($"/api/v1/incidents/{appended.Incident.Id}", await SubmitReport.AcceptedAsync(appended, db, cancellationToken));
        }
    }

    private static async Task<Results<Ok<InboundMessageSummary>, ProblemHttpResult>> DecideAsync(
        string id, HttpRequest request, TimeProvider clock, string member, CancellationToken cancellationToken, Func<string, Task<InboundDecisions.Outcome>> decide)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        string? value = null;
        var reader = new JsonFieldReader(clock.GetUtcNow());
        using (document)
        {
            reader.Object(document!.RootElement, "", new Dictionary<string, Action<JsonElement, string>>
            {
                [member] = (v, pointer) => value = reader.String(v, pointer, 2000, multiline: true),
            }, member);
        }
        if (reader.Errors.Count > 0 || string.IsNullOrWhiteSpace(value))
        {
            return Problems.InvalidFields(reader.Errors.Count > 0 ? reader.Errors : [new FieldError("/" + member, "must not be empty")]);
        }
        var outcome = await decide(value);
        return Refused(id, outcome) ?? (Results<Ok<InboundMessageSummary>, ProblemHttpResult>)TypedResults.Ok(InboundMessageSummary.From(outcome.Message!));
    }

    private static ProblemHttpResult? Refused(string id, InboundDecisions.Outcome outcome) => outcome switch
    {
        { NotFound: true } => Problems.NotFound("inbound message " + id),
        { AlreadyDecided: true } => Problems.Conflict("urn:vigil:problem:inbound-mail-decided", "The message is not in that state", outcome.Errors[0].Detail),
        { Errors.Count: > 0 } => Problems.InvalidFields(outcome.Errors),
        _ => null,
    };
}
