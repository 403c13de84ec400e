namespace Vigil.Domain.Sharing;

/// <summary>Where a reader stands towards what Vigil holds, before any object's label or owner is looked at.</summary>
public enum ReaderStanding
{
    /// <summary>Nobody signed in: the public.</summary>
    Public,

    /// <summary>A signed-in member of a reporting organisation.</summary>
    Member,

    /// <summary>Oversight (a ministry, a regulator): signed in, belongs to no organisation, reads figures and timelines.</summary>
    Oversight,

    /// <summary>The CERT's staff: analysts and administrators.</summary>
    Cert,

    /// <summary>Vigil itself: background jobs, the command line on the database, migrations. Reads everything.</summary>
    System,
}

/// <summary>
/// Who reads, as the TLP audience rule sees them: a standing, and for a signed-in person its user id and (for a
/// member) its organisation.
/// </summary>
public sealed record AudienceReader(ReaderStanding Standing, string? UserId, string? OrganisationId)
{
    public static readonly AudienceReader System = new(ReaderStanding.System, null, null);

    public static readonly AudienceReader Public = new(ReaderStanding.Public, null, null);

    public bool IsSignedIn => Standing is ReaderStanding.Member or ReaderStanding.Oversight or ReaderStanding.Cert;
}
