namespace Vigil.Data.Entities;

/// <summary>
/// A file sent with an incident report or update (a log, a screenshot, a sample). Its bytes live content-addressed
/// and encrypted under the data directory's blobs folder; the row says who sent it and which submission committed its
/// hash. Uploaded first, then named by its SHA-256 in a submission's <c>attachments</c>.
/// </summary>
public sealed class Attachment
{
    public long Id { get; init; }
    /// <summary>Lower-case hex SHA-256 of the plaintext.</summary>
    public required string Sha256 { get; init; }
    public required string FileName { get; init; }
    public required string MediaType { get; init; }
    public long Size { get; init; }
    public required string UploadedBy { get; init; }
    public string? OrganisationId { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    /// <summary>The incident whose submission committed it; null while only uploaded.</summary>
    public string? IncidentId { get; set; }
    public int? SubmissionSequence { get; set; }
}
