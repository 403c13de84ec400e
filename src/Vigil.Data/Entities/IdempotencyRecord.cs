namespace Vigil.Data.Entities;

/// <summary>
/// The first response to a POST that carried an Idempotency-Key, kept so that a retry with the same key and body
/// gets the same answer and creates nothing. Written in the same transaction as what the request created.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 over method, path and the canonical body: "the same request".</summary>
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public required string ResponseBody { get; init; }
    public string? ResponseContentType { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
