namespace Vigil.Data.Entities;

/// <summary>
/// Failed sign-ins for one account name (the SHA-256 of the lower-case e-mail, so that names that are not accounts
/// are counted the same way and the table does not tell which are): after a few, the name is locked for a time that
/// doubles with each further failure, beside the per-address limit.
/// </summary>
public sealed class SignInThrottle
{
    public required string AccountKey { get; init; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
