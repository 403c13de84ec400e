namespace Vigil.Server.Features.InboundMail;

/// <summary>Where an inbound message stands, and the events that put each step on the record.</summary>
public static class InboundStates
{
    public const string Draft = "draft";
    public const string Quarantine = "quarantine";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Discarded = "discarded";

    public const string ObjectKind = "inbound-message";
    public const string ReceivedEvent = "inbound-mail-received";
    public const string ConfirmedEvent = "inbound-mail-confirmed";
    public const string RejectedEvent = "inbound-mail-rejected";
    public const string AssignedEvent = "inbound-mail-assigned";
    public const string DiscardedEvent = "inbound-mail-discarded";
}
