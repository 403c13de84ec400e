using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.NoteExports;

/// <summary>
/// The CERT's identity in the CVE Program, for CVE JSON 5 exports. Section "NoteExports". A CERT that is not a CNA
/// leaves it empty, and the CVE export says so instead of inventing an identity.
/// </summary>
public sealed class NoteExportsOptions
{
    public const string Section = "NoteExports";

    /// <summary>The CNA's organisation UUID as the CVE Program registered it (a version 4 UUID).</summary>
    [RegularExpression("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$",
        ErrorMessage = "NoteExports:CnaOrgId must be the version 4 UUID the CVE Program gave the CNA.")]
    public string? CnaOrgId { get; set; }

    /// <summary>The CNA's short name (2 to 32 characters), such as "cert-in".</summary>
    [StringLength(32, MinimumLength = 2)]
    public string? CnaShortName { get; set; }
}
