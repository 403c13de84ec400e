using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Domain.Validation;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// Reads a request body strictly: JSON only, at most 1 MiB, no comments, trailing commas or duplicate members, and
/// every string, member name and number readable (<see cref="ReadableJson"/>). Every endpoint reads its body here.
/// The bytes are read once per request and kept, so that the idempotency check and the handler see the same body.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly object BytesKey = new();

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 32,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadBytesAsync(request, MaxBytes, cancellationToken);

    /// <summary>Reads the body with a limit of its own, for the few endpoints that take documents larger than a request usually is.</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items.TryGetValue(BytesKey, out var cached) && cached is byte[] kept)
        {
            return (kept, null);
        }
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.BodyTooLarge(maxBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, Problems.BodyTooLarge(maxBytes));
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.BodyTooLarge(maxBytes));
        }
        var bytes = buffer.ToArray();
        request.HttpContext.Items[BytesKey] = bytes;
        return (bytes, null);
    }

    public static Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, MaxBytes, cancellationToken);

    /// <summary>Reads the body with limits of its own: size, and nesting for documents whose standard nests deeply.</summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken, int maxDepth = 32)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType());
        }
        var (bytes, problem) = await ReadBytesAsync(request, maxBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        return Parse(bytes!, maxDepth);
    }

    public static (JsonDocument? Document, ProblemHttpResult? Problem) Parse(byte[] bytes, int maxDepth = 32)
    {
        var options = Options;
        options.MaxDepth = maxDepth;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, Problems.MalformedJson($"{FirstSentence(e.Message)}{where}"));
        }
        catch (InvalidOperationException)
        {
            // The duplicate-member check decodes every name and throws on one that is not text; find which, without it.
            using var permissive = JsonDocument.Parse(bytes, options with { AllowDuplicateProperties = true });
            var where = ReadableJson.FirstUnreadable(permissive.RootElement) ?? new FieldError(JsonPointer.Root, "has a member whose name is not text");
            return (null, Problems.MalformedJson(where.Detail, where.Pointer));
        }
        if (ReadableJson.FirstUnreadable(document.RootElement) is { } unreadable)
        {
            document.Dispose();
            return (null, Problems.MalformedJson(unreadable.Detail, unreadable.Pointer));
        }
        return (document, null);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    // The parser's message ends with its own position and path notation; ours is given separately.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
