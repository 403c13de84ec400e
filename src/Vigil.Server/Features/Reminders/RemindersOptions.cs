using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.Reminders;

/// <summary>Section "Reminders": when reminders are raised before a due time, and how often deadlines are checked.</summary>
public sealed class RemindersOptions : IValidatableObject
{
    public const string Section = "Reminders";

    public static readonly IReadOnlyList<TimeSpan> DefaultLeadTimes = [TimeSpan.FromHours(2), TimeSpan.FromMinutes(30)];

    /// <summary>False stops the background check (reminders already raised stay listed).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long before a due time a reminder is raised; unset: 2 h and 30 min. A passed due time always raises one.</summary>
    public List<TimeSpan>? LeadTimes { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<TimeSpan> EffectiveLeadTimes => LeadTimes is { Count: > 0 } leads ? leads : DefaultLeadTimes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EffectiveLeadTimes.Any(lead => lead <= TimeSpan.Zero || lead > TimeSpan.FromDays(30)))
        {
            yield return new ValidationResult("Reminders:LeadTimes must each lie between 00:00:01 and 30.00:00:00.", [nameof(LeadTimes)]);
        }
    }
}
