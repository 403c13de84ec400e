using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Json;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// Makes a POST safe to retry. With an <c>Idempotency-Key</c> header, the first successful response is stored in
/// the same transaction as whatever the request wrote; a retry with the same key and the same body gets that
/// response again and writes nothing; the same key with another body is a 409. An answer that carries a secret
/// (<see cref="SecretInAnswer"/>) is never stored: only what it created is, and a retry gets a 409 naming that.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || http.User.Identity?.IsAuthenticated != true)
        {
            return await next(context);
        }
        if (key.Length > 255 || key.Any(c => c is < '!' or > '~'))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "urn:vigil:problem:invalid-idempotency-key", "Invalid Idempotency-Key",
                "An Idempotency-Key is 1 to 255 printable ASCII characters without spaces.",
                [new Dictionary<string, string> { ["header"] = Header, ["detail"] = "must be 1 to 255 printable ASCII characters" }]);
        }
        var (bytes, problem) = await JsonBody.ReadBytesAsync(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var services = http.RequestServices;
        var db = services.GetRequiredService<VigilDbContext>();
        var userId = http.User.UserId();
        var requestHash = HashRequest(http.Request, bytes!);
        var secret = http.GetEndpoint()?.Metadata.GetMetadata<SecretInAnswer>();

        await using var transaction = await services.GetRequiredService<Storage.WriteTransactions>().BeginAsync(db, http.RequestAborted);
        var earlier = await FindAsync(db, userId, key, http.RequestAborted);
        if (earlier is not null)
        {
            return Replay(earlier, requestHash, secret);
        }

        var result = await next(context);
        // Handlers return Results<...> unions; what was actually answered is inside.
        var answered = result is INestedHttpResult nested ? nested.Result : result;
        if (answered is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success || answered is not IValueHttpResult value)
        {
            await transaction.RollbackAsync(http.RequestAborted);
            return result;
        }

        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var location = answered.GetType().GetProperty("Location")?.GetValue(answered) as string;
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            UserId = userId,
            Key = key,
            RequestHash = requestHash,
            StatusCode = success.StatusCode!.Value,
            ResponseBody = secret is null ? JsonSerializer.Serialize(value.Value, value.Value?.GetType() ?? typeof(object), json) : "",
            ResponseContentType = "application/json; charset=utf-8",
            Location = secret is null ? location : secret.ResourceOf(value.Value) ?? location,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
            return result;
        }
        catch (DbUpdateException e) when (!Storage.StorageFull.Is(e))
        {
            // Another request with the same key won the race: undo ours and answer as the first one did. (A full
            // storage is no race: it goes on to the error handler, and the transaction's disposal undoes everything.)
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            earlier = await FindAsync(db, userId, key, http.RequestAborted);
            return earlier is null ? throw new InvalidOperationException("Idempotency record vanished after a conflict.") : Replay(earlier, requestHash, secret);
        }
    }

    private static Task<IdempotencyRecord?> FindAsync(VigilDbContext db, string userId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);

    private static IResult Replay(IdempotencyRecord earlier, string requestHash, SecretInAnswer? secret) =>
        earlier.RequestHash != requestHash
            ? Problems.Conflict("urn:vigil:problem:idempotency-key-reused", "Idempotency-Key already used",
                "This Idempotency-Key was used for a different request. Use a new key for a new request.")
            : secret is not null ? SecretInAnswer.Replayed(earlier.Location) : new ReplayedResponse(earlier);

    /// <summary>Method, path and body; a JSON body counts by its canonical form, so re-serialising it is still "the same request".</summary>
    private static string HashRequest(HttpRequest request, byte[] body)
    {
        string canonicalBody;
        var (document, _) = JsonBody.Parse(body);
        using (document)
        {
            canonicalBody = document is null ? Convert.ToBase64String(body) : CanonicalJson.Serialize(document.RootElement);
        }
        var text = $"{request.Method}\n{request.Path}\n{canonicalBody}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed class ReplayedResponse(IdempotencyRecord earlier) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = earlier.StatusCode;
            httpContext.Response.ContentType = earlier.ResponseContentType;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (earlier.Location is not null)
            {
                httpContext.Response.Headers.Location = earlier.Location;
            }
            await httpContext.Response.WriteAsync(earlier.ResponseBody, Encoding.UTF8);
        }
    }
}
