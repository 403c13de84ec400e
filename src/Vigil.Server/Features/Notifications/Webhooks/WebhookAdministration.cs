using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Notifications.Dispatch;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>
/// Creating, rotating and deleting webhook endpoints, each on the record (never with the secret). A reporter manages
/// its own organisation's endpoints, an administrator any, and the CERT's own (no organisation); nobody else any.
/// </summary>
public sealed class WebhookAdministration(
    VigilDbContext db, WebhookSecrets secrets, EventRecorder events, IOptions<DispatchOptions> options, TimeProvider clock)
{
    public const string Created = "webhook-created";
    public const string Rotated = "webhook-secret-rotated";
    public const string Deleted = "webhook-deleted";

    /// <summary>How long the previous secret signs beside a new one when a rotation does not say.</summary>
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromHours(24);

    public static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(30);

    public sealed record CreateRequest(string Url, string? Description, string? OrganisationId);

    /// <summary>Whether <paramref name="user"/> may see and manage endpoints of <paramref name="organisationId"/> (null: the CERT's).</summary>
    public static bool MayManage(ClaimsPrincipal user, string? organisationId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Reporter) && organisationId is not null && organisationId == user.OrganisationId());

    /// <summary>The endpoints <paramref name="user"/> may manage, newest first.</summary>
    public IQueryable<WebhookEndpoint> Visible(ClaimsPrincipal user)
    {
        var endpoints = db.WebhookEndpoints.AsNoTracking();
        if (user.IsInRole(Roles.Admin))
        {
            return endpoints;
        }
        var organisation = user.IsInRole(Roles.Reporter) ? user.OrganisationId() : null;
        return organisation is null ? endpoints.Where(_ => false) : endpoints.Where(e => e.OrganisationId == organisation);
    }

    /// <summary>Reads <c>{url, description, organisation_id}</c> strictly; the organisation defaults to the reporter's own (the CERT's for an administrator).</summary>
    public async Task<(CreateRequest? Request, IReadOnlyList<FieldError> Errors)> ReadCreateAsync(JsonElement body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? url = null, description = null, organisation = user.IsInRole(Roles.Admin) ? null : user.OrganisationId();
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["url"] = (v, p) => url = ReadUrl(reader, v, p),
            ["description"] = (v, p) => description = v.ValueKind == JsonValueKind.Null ? null : reader.String(v, p, 500),
            ["organisation_id"] = (v, p) => organisation = v.ValueKind == JsonValueKind.Null ? null : reader.String(v, p, 36),
        }, "url");
        if (reader.Errors.Count == 0 && !MayManage(user, organisation))
        {
            reader.Fail("/organisation_id", user.IsInRole(Roles.Reporter) ? "must be your own organisation's id" : "only an administrator or a reporter manages webhook endpoints");
        }
        else if (reader.Errors.Count == 0 && organisation is not null && !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            reader.Fail("/organisation_id", "names no organisation");
        }
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (new CreateRequest(url!, description, organisation), []);
    }

    /// <summary>Reads <c>{overlap}</c> (an ISO 8601 duration such as <c>PT24H</c>; optional) strictly.</summary>
    public (TimeSpan? Overlap, IReadOnlyList<FieldError> Errors) ReadRotate(JsonElement body)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        var overlap = DefaultOverlap;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["overlap"] = (v, p) => overlap = ReadOverlap(reader, v, p) ?? overlap,
        });
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (overlap, []);
    }

    public async Task<WebhookSecretResponse> CreateAsync(CreateRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        var (key, shown) = WebhookSecrets.Create();
        var endpoint = new WebhookEndpoint
        {
            Id = id, OrganisationId = request.OrganisationId, Url = request.Url, Description = request.Description,
            SealedSecret = secrets.Seal(id, key), CreatedAt = now, UpdatedAt = now, CreatedBy = user.UserId(),
        };
        db.WebhookEndpoints.Add(endpoint);
        await events.RecordAsync(About(endpoint, Created, new JsonObject { ["url"] = endpoint.Url, ["description"] = endpoint.Description }), user, cancellationToken);
        return new WebhookSecretResponse(WebhookResponse.From(endpoint, now), shown, WebhookApi.Root + "/" + id);
    }

    /// <summary>A new secret; the old one keeps signing beside it for <paramref name="overlap"/>. Null when the endpoint is not one the user manages.</summary>
    public async Task<WebhookSecretResponse?> RotateAsync(string id, TimeSpan overlap, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id && e.Enabled, cancellationToken);
        if (endpoint is null || !MayManage(user, endpoint.OrganisationId))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var (key, shown) = WebhookSecrets.Create();
        endpoint.SealedPreviousSecret = overlap > TimeSpan.Zero ? endpoint.SealedSecret : null;
        endpoint.PreviousSecretUntil = overlap > TimeSpan.Zero ? now + overlap : null;
        endpoint.SealedSecret = secrets.Seal(id, key);
        endpoint.UpdatedAt = now;
        await events.RecordAsync(About(endpoint, Rotated, new JsonObject { ["previous_secret_until"] = endpoint.PreviousSecretUntil }), user, cancellationToken);
        return new WebhookSecretResponse(WebhookResponse.From(endpoint, now), shown, WebhookApi.Root + "/" + id);
    }

    /// <summary>Disables the endpoint for good: nothing more is sent to it; its messages keep naming it. False when not the user's to manage.</summary>
    public async Task<bool> DeleteAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null || !MayManage(user, endpoint.OrganisationId))
        {
            return false;
        }
        if (!endpoint.Enabled)
        {
            return true;
        }
        endpoint.Enabled = false;
        endpoint.SealedPreviousSecret = null;
        endpoint.PreviousSecretUntil = null;
        endpoint.UpdatedAt = clock.GetUtcNow();
        await events.RecordAsync(About(endpoint, Deleted, new JsonObject { ["url"] = endpoint.Url }), user, cancellationToken);
        return true;
    }

    private static EventRecorder.Event About(WebhookEndpoint endpoint, string kind, JsonObject details) =>
        new(kind, "webhook", endpoint.Id, details, endpoint.OrganisationId, endpoint.OrganisationId is not null);

    private string? ReadUrl(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var text = reader.String(value, pointer, WebhookUrls.MaxLength);
        if (text is not null && WebhookUrls.Refusal(text, options.Value.AllowPrivateNetworks) is { } refusal)
        {
            reader.Fail(pointer, refusal);
            return null;
        }
        return text;
    }

    private static TimeSpan? ReadOverlap(JsonFieldReader reader, JsonElement value, string pointer)
    {
        TimeSpan overlap;
        try
        {
            overlap = value.ValueKind == JsonValueKind.String ? System.Xml.XmlConvert.ToTimeSpan(value.GetString()!) : TimeSpan.MinValue;
        }
        catch (FormatException)
        {
            overlap = TimeSpan.MinValue;
        }
        if (overlap < TimeSpan.Zero || overlap > MaxOverlap)
        {
            reader.Fail(pointer, $"must be an ISO 8601 duration from PT0S to P{MaxOverlap.TotalDays:0}D, such as PT24H");
            return null;
        }
        return overlap;
    }
}
