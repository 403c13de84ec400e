namespace Vigil.Server.Features.Aggregation;

/// <summary>What a run did with one document (or feed, key, listing): imported, a new revision, refused or skipped.</summary>
public sealed record RunOutcome(string Url, string Outcome, string? Reason, long? AdvisoryId = null)
{
    public const string Imported = "imported";
    public const string Revision = "revision";
    public const string Refused = "refused";
    public const string Skipped = "skipped";

    public static RunOutcome Refuse(Uri url, string reason) => new(url.AbsoluteUri, Refused, reason);

    public static RunOutcome Skip(Uri url, string reason) => new(url.AbsoluteUri, Skipped, reason);
}
