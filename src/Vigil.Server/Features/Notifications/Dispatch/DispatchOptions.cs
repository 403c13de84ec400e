using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.Notifications.Dispatch;

/// <summary>Section "Notifications": how the outbox dispatcher delivers, retries and gives up, and where webhooks may go.</summary>
public sealed class DispatchOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>False stops delivery in this process (messages wait in the outbox for another process, or for later).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tries before a message is dead (given up until someone asks to send it again).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed try; each later one doubles it, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many messages to one destination (an endpoint, an address) are in flight at once.</summary>
    [Range(1, 100)]
    public int PerDestinationConcurrency { get; set; } = 2;

    /// <summary>How often the outbox is looked at for messages that came due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim on a message holds: a dispatcher killed while delivering lets go of it when this lapses.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most messages one process has in flight.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a webhook's receiver has to answer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// True lets webhook endpoints be on loopback and private addresses, and over plain http: for tests and a CERT's own
    /// network. False (the default) takes https URLs only and refuses to connect to any address that is not public.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBackoff < BaseBackoff)
        {
            yield return new ValidationResult("Notifications:MaxBackoff must not be shorter than Notifications:BaseBackoff.", [nameof(MaxBackoff)]);
        }
        if (LeaseDuration <= WebhookTimeout)
        {
            // A claim that lapsed while its delivery still ran would let a second dispatcher send the message at the same time.
            yield return new ValidationResult("Notifications:LeaseDuration must be longer than Notifications:WebhookTimeout.", [nameof(LeaseDuration)]);
        }
    }
}
