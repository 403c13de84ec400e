using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.Indicators;

/// <summary>Who signs exported indicator bundles: the CERT's STIX identity. Section "IndicatorSharing".</summary>
public sealed class IndicatorSharingOptions
{
    public const string Section = "IndicatorSharing";

    /// <summary>The CERT's STIX identity id; keep it stable, since recipients tie every bundle to it.</summary>
    [Required]
    [RegularExpression("^identity--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        ErrorMessage = "IndicatorSharing:IdentityId must be 'identity--' followed by a lower-case UUID.")]
    public string IdentityId { get; set; } = "identity--b5e0c2a4-3f1d-4c6e-9a8b-7d2f0e1c4a36";

    [Required, StringLength(300, MinimumLength = 1)]
    public string IdentityName { get; set; } = "National CERT";

    /// <summary>How recipients reach the CERT, written into the identity object when set.</summary>
    [StringLength(1000)]
    public string? ContactInformation { get; set; }
}
