namespace Vigil.Data.Entities;

/// <summary>
/// A set of triage filters a CERT analyst named and kept, so that "overdue ransomware in banking" is one click away.
/// The query is the inbox's own query string, validated again each time it is used.
/// </summary>
public sealed class SavedFilter
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; set; }
    /// <summary>The inbox's query string without the leading question mark, such as <c>state=open&amp;overdue=true</c>.</summary>
    public required string Query { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
