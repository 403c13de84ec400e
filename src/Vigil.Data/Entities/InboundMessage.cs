namespace Vigil.Data.Entities;

/// <summary>
/// One e-mail that arrived at the CERT's incident address, kept as it came: its raw bytes are an encrypted blob named by
/// <see cref="RawSha256"/>, whose arrival (with that hash) is an event on the transparency log. It waits as a draft
/// (the sender matched an organisation) or in quarantine (it did not) until an analyst confirms it into a report or an
/// update, rejects it, or discards it. Nothing the sender wrote reaches an organisation's record before that.
/// </summary>
public sealed class InboundMessage
{
    public required string Id { get; init; }

    /// <summary>When the message was taken (the end of its SMTP DATA, or its fetch from the mailbox), from Vigil's clock.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>How it came: <c>smtp</c> or <c>imap</c>.</summary>
    public required string Transport { get; init; }

    /// <summary>The SMTP envelope: MAIL FROM (empty for a bounce) and each accepted RCPT TO, comma-separated.</summary>
    public required string EnvelopeFrom { get; init; }
    public required string EnvelopeTo { get; init; }

    /// <summary>The address in the From header (the sender's claim, which anyone can forge).</summary>
    public required string HeaderFrom { get; init; }
    public required string Subject { get; init; }
    public string? MessageId { get; init; }
    public string? InReplyTo { get; init; }
    public string? References { get; init; }

    /// <summary>Lower-case hex SHA-256 of the raw message as received (the encrypted bytes, for an encrypted message).</summary>
    public required string RawSha256 { get; init; }
    public long RawSize { get; init; }

    /// <summary>The plain text the draft is built from: the text body, after decryption. Never HTML.</summary>
    public required string BodyText { get; init; }

    /// <summary>Whether it came OpenPGP-encrypted, and whether it opened with the CERT's key.</summary>
    public bool Encrypted { get; init; }
    public bool Decrypted { get; init; }

    /// <summary><c>unsigned</c>, <c>unverified</c> (signed, no key of the sender's to check it against) or <c>invalid</c>.</summary>
    public required string SignatureStatus { get; init; }

    /// <summary><c>draft</c>, <c>quarantine</c>, <c>confirmed</c>, <c>rejected</c> or <c>discarded</c>.</summary>
    public required string State { get; set; }

    /// <summary>The organisation the sender was matched to (or an analyst assigned), and the user whose address matched.</summary>
    public string? OrganisationId { get; set; }
    public string? UserId { get; set; }

    /// <summary>How the organisation was found: <c>contact</c>, <c>user</c> or <c>analyst</c>.</summary>
    public string? MatchedBy { get; set; }

    /// <summary>The incident of that organisation the message replies to (then it is a draft update).</summary>
    public string? RepliesToIncidentId { get; set; }

    /// <summary>The log leaf of the arrival event, which commits to <see cref="RawSha256"/>.</summary>
    public long ArrivalLeafIndex { get; set; }

    /// <summary>The analyst's decision: who, when, and the incident and submission a confirmation made.</summary>
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? IncidentId { get; set; }
    public int? SubmissionSequence { get; set; }
}
