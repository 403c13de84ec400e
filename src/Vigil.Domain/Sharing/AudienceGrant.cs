namespace Vigil.Domain.Sharing;

/// <summary>
/// The labels one reader may read, by the reader's relation to the thing labelled. A thing is readable when its
/// label is in <see cref="Anyone"/>; or the reader's organisation owns it and the label is in <see cref="AsOwner"/>;
/// or the CERT shared it with the reader's organisation and the label is in <see cref="WhenShared"/>; or the reader
/// is named on it and the label is in <see cref="WhenNamed"/>. Queries turn these four lists into one predicate;
/// <see cref="TlpAudience.MayRead"/> applies them to one thing in memory. Both read the same grant, so the rule is
/// written once.
/// </summary>
public sealed record AudienceGrant(
    IReadOnlyList<string> Anyone,
    IReadOnlyList<string> AsOwner,
    IReadOnlyList<string> WhenShared,
    IReadOnlyList<string> WhenNamed)
{
    /// <summary>Every label, whatever the relation: the grant of <see cref="ReaderStanding.System"/>.</summary>
    public bool IsEverything => Anyone.Count == TlpLabel.All.Count;
}
