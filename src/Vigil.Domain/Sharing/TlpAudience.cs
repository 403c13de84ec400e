namespace Vigil.Domain.Sharing;

/// <summary>
/// The one rule of who may read what, after FIRST TLP 2.0, for everything Vigil labels (incidents and their fields,
/// note revisions, indicator collections and indicators, imported advisories, attachments, exports and receipts):
/// <list type="bullet">
/// <item>CLEAR: anyone.</item>
/// <item>GREEN: the community, that is anyone signed in.</item>
/// <item>AMBER: the owning organisation, the CERT, and organisations the CERT explicitly shared it with.</item>
/// <item>AMBER+STRICT: the owning organisation and the CERT.</item>
/// <item>RED: the people named on it, and nobody else (not even the CERT as a whole).</item>
/// </list>
/// The CERT owns what it writes (notes, collections, imported advisories): for those, "the owning organisation" is the
/// CERT. Oversight reads what the community reads; of the rest it learns only figures and timelines
/// (<see cref="MayKnowOf"/>).
/// </summary>
public static class TlpAudience
{
    private static readonly string[] None = [];
    private static readonly string[] ClearOnly = [TlpLabel.Clear];
    private static readonly string[] Community = [TlpLabel.Clear, TlpLabel.Green];
    private static readonly string[] CertReads = [TlpLabel.Clear, TlpLabel.Green, TlpLabel.Amber, TlpLabel.AmberStrict];
    private static readonly string[] OwnerReads = [TlpLabel.Amber, TlpLabel.AmberStrict];
    private static readonly string[] SharedReads = [TlpLabel.Amber];
    private static readonly string[] NamedReads = [TlpLabel.Red];

    private static readonly AudienceGrant PublicGrant = new(ClearOnly, None, None, None);
    private static readonly AudienceGrant MemberGrant = new(Community, OwnerReads, SharedReads, NamedReads);
    private static readonly AudienceGrant OversightGrant = new(Community, None, None, NamedReads);
    private static readonly AudienceGrant CertGrant = new(CertReads, None, None, NamedReads);
    private static readonly AudienceGrant SystemGrant = new([.. TlpLabel.All], None, None, None);

    public static AudienceGrant GrantFor(AudienceReader reader) => reader.Standing switch
    {
        ReaderStanding.Member when reader.OrganisationId is not null => MemberGrant,
        ReaderStanding.Member or ReaderStanding.Oversight => OversightGrant,
        ReaderStanding.Cert => CertGrant,
        ReaderStanding.System => SystemGrant,
        _ => PublicGrant,
    };

    /// <summary>Whether <paramref name="reader"/> may read a thing with these facts.</summary>
    public static bool MayRead(AudienceReader reader, LabelledFacts facts)
    {
        var grant = GrantFor(reader);
        return Has(grant.Anyone, facts.Label)
            || (facts.OwnerOrganisationId is not null && facts.OwnerOrganisationId == reader.OrganisationId && Has(grant.AsOwner, facts.Label))
            || (facts.SharedWithReader && Has(grant.WhenShared, facts.Label))
            || (facts.ReaderNamed && Has(grant.WhenNamed, facts.Label));
    }

    /// <summary>
    /// Whether the reader may know that an incident exists, with its organisation, times, status and compliance,
    /// though perhaps not what it says: the CERT (which triages even what it may not read) and oversight (which
    /// reads figures and timelines) know of every incident; anyone else knows of what it may read.
    /// </summary>
    public static bool MayKnowOf(AudienceReader reader, LabelledFacts facts) => KnowsOfEveryIncident(reader) || MayRead(reader, facts);

    /// <summary>The CERT, oversight and Vigil itself know of every incident (not what each says).</summary>
    public static bool KnowsOfEveryIncident(AudienceReader reader) =>
        reader.Standing is ReaderStanding.Cert or ReaderStanding.Oversight or ReaderStanding.System;

    /// <summary>
    /// Whether anything under <paramref name="label"/> could be for this reader: something shared with its
    /// organisation or naming it. A place that holds only things of one label (a CSAF TLP directory) is closed to a
    /// reader for whom nothing there can ever be; within it, each thing is still read by the rule.
    /// </summary>
    public static bool MayEverRead(AudienceReader reader, string label) =>
        MayRead(reader, new LabelledFacts(label, reader.OrganisationId, SharedWithReader: true, ReaderNamed: reader.UserId is not null));

    /// <summary>The labels a reader may read of things nobody shared with it, named it on, or owned with it: the CERT's own publications.</summary>
    public static IReadOnlyList<string> PublicationLabels(AudienceReader reader) => GrantFor(reader).Anyone;

    /// <summary>
    /// Whether the reader may share a thing it reads with another organisation: only the CERT widens an AMBER audience,
    /// on the record; nothing else is shared by organisation (GREEN and CLEAR need no sharing, AMBER+STRICT and RED
    /// never go to another organisation).
    /// </summary>
    public static bool MayShare(AudienceReader reader, LabelledFacts facts) =>
        reader.Standing == ReaderStanding.Cert && MayRead(reader, facts);

    /// <summary>
    /// Whether the reader may name people on a thing (who reads it under RED): a person already named on it who speaks
    /// for its source, that is a member of the owning organisation, or CERT staff for what the CERT owns. A RED
    /// recipient may not pass it on, so nobody else names anyone.
    /// </summary>
    public static bool MayName(AudienceReader reader, LabelledFacts facts) =>
        facts.ReaderNamed && (facts.OwnerOrganisationId is null
            ? reader.Standing == ReaderStanding.Cert
            : reader.Standing == ReaderStanding.Member && reader.OrganisationId == facts.OwnerOrganisationId);

    /// <summary>Labels above the community's (AMBER, AMBER+STRICT, RED): what a reader outside the owner reads of them is recorded.</summary>
    public static bool IsConfidential(string label) => TlpLabel.Restriction(label) >= TlpLabel.Restriction(TlpLabel.Amber);

    /// <summary>
    /// Whether a read goes on the record, visible to the owner: a confidential thing read by anyone outside the
    /// organisation that owns it (the CERT, an organisation it was shared with, a person named on it).
    /// </summary>
    public static bool IsRecordedRead(AudienceReader reader, string label, string ownerOrganisationId) =>
        reader.Standing != ReaderStanding.System && IsConfidential(label) && reader.OrganisationId != ownerOrganisationId;

    /// <summary>Every distinct <see cref="PublicationLabels"/>: what a cache serving any caller must be ready for.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> PublicationAudiences = [ClearOnly, Community, CertReads];

    private static bool Has(IReadOnlyList<string> labels, string label) => labels.Contains(label, StringComparer.Ordinal);
}
