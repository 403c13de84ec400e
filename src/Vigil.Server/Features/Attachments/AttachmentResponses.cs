namespace Vigil.Server.Features.Attachments;

/// <summary>An upload as stored: name it by <c>sha256</c> in a report's or update's <c>attachments</c> to attach it.</summary>
public sealed record AttachmentUploaded(string Sha256, long Size, string Name, string MediaType);

/// <summary>One file on an incident, and the submission that attached it.</summary>
public sealed record AttachmentListed(string Sha256, string Name, string MediaType, long Size, int? Submission, DateTimeOffset UploadedAt);

public sealed record AttachmentList(string IncidentId, IReadOnlyList<AttachmentListed> Items);
