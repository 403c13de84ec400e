using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>Section "Web": what the pages fall back on when a reader has not said.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>The IANA zone times are shown in to a reader with no zone of its own and no organisation (the public, CERT staff).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Asia/Kolkata";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
        {
            yield return new ValidationResult($"Web:DefaultTimeZone '{DefaultTimeZone}' is not an IANA time zone this machine knows.", [nameof(DefaultTimeZone)]);
        }
    }
}
