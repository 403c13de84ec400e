using Vigil.Data.Entities;

namespace Vigil.Server.Features.InboundMail;

/// <summary>An inbound message as the queue lists it.</summary>
public sealed record InboundMessageSummary(
    string Id, DateTimeOffset ReceivedAt, string State, string Transport, string HeaderFrom, string EnvelopeFrom, string Subject,
    string? OrganisationId, string? MatchedBy, string? RepliesToIncidentId, bool Encrypted, bool Decrypted, string SignatureStatus,
    string Sha256, long Size, long ArrivalLeafIndex, string? IncidentId, int? SubmissionSequence, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static InboundMessageSummary From(InboundMessage m) => new(m.Id, m.ReceivedAt, m.State, m.Transport, m.HeaderFrom, m.EnvelopeFrom,
        m.Subject, m.OrganisationId, m.MatchedBy, m.RepliesToIncidentId, m.Encrypted, m.Decrypted, m.SignatureStatus, m.RawSha256, m.RawSize,
        m.ArrivalLeafIndex, m.IncidentId, m.SubmissionSequence, m.DecidedBy, m.DecidedAt);
}

public sealed record InboundMessageList(IReadOnlyList<InboundMessageSummary> Items);

/// <summary>One message in full: its headers, envelope and text (never its HTML).</summary>
public sealed record InboundMessageDetail(InboundMessageSummary Message, string EnvelopeTo, string? MessageId, string? InReplyTo, string? References, string Text)
{
    public static InboundMessageDetail From(InboundMessage m) =>
        new(InboundMessageSummary.From(m), m.EnvelopeTo, m.MessageId, m.InReplyTo, m.References, m.BodyText);
}
