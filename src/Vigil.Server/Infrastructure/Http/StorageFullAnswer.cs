using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// The answer to a request whose write the storage refused for want of space, wherever in the request it was refused
/// (an endpoint, the idempotency filter's commit, a commit shared with other requests, a file write): 503 with
/// Retry-After, as problem+json for the API and as a page for a page. 503 rather than WebDAV's 507 Insufficient
/// Storage: the condition is the server's and passes, and 503 with Retry-After is what clients, proxies and retry
/// policies already read as "the same request may succeed later"; 507 is read as a WebDAV answer about the resource.
/// </summary>
public static class StorageFullAnswer
{
    public const string Type = "urn:vigil:problem:storage-full";

    /// <summary>Counts the request in the episode (which logs it once) and sets Retry-After, when its error is a full storage.</summary>
    public static void Refused(HttpContext context)
    {
        if (context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && StorageFull.Reason(error) is { } reason)
        {
            context.RequestServices.GetRequiredService<StorageFullEpisode>().Refused(reason);
            context.Response.Headers.RetryAfter = StorageFullEpisode.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>What the client is told: nothing was kept, and when to try again. No paths, codes or messages from below.</summary>
    public static void Describe(ProblemDetails problem)
    {
        problem.Type = Type;
        problem.Title = "Vigil's storage is full";
        problem.Detail = "Nothing was stored: the server has no room to store it just now. Send the same request again later (see Retry-After); "
            + "with the same Idempotency-Key it is stored once.";
    }
}
