using Vigil.Domain.Notes;
using Vigil.Domain.Sharing;

namespace Vigil.Csaf.Writing;

/// <summary>What a CSAF document is made from: the note as it now reads, and every one of its revisions on the record.</summary>
public sealed record CsafSource(string NoteId, string Status, NoteContent Content, IReadOnlyList<CsafRevision> Revisions)
{
    /// <summary>When the first revision was published.</summary>
    public DateTimeOffset InitialRelease => Revisions[0].Date;

    /// <summary>When the latest revision was published.</summary>
    public DateTimeOffset CurrentRelease => Revisions[^1].Date;

    /// <summary>The latest revision's number.</summary>
    public string Version => Revisions[^1].Version;

    /// <summary>Whether the note was withdrawn (CSAF 2.0 has no such status: a document note says so).</summary>
    public bool IsWithdrawn => Status == NoteWorkflow.Withdrawn;

    /// <summary>Why the note was withdrawn: the withdrawal revision's own words.</summary>
    public string? WithdrawalReason => Revisions.LastOrDefault(r => r.Kind == NoteWorkflow.Withdrawal)?.SummaryUnder(Content.Tlp);
}

/// <summary>One revision as a CSAF document lists it, with the label it was published under.</summary>
public sealed record CsafRevision(string Version, string Summary, DateTimeOffset Date, string Kind, string Tlp)
{
    /// <summary>
    /// The summary as a document labelled <paramref name="documentTlp"/> may carry it: the label travels with what is
    /// derived from it, so a revision published under a narrower label keeps its place in the history (numbers stay
    /// consecutive) and says only that it is withheld.
    /// </summary>
    public string SummaryUnder(string documentTlp) =>
        TlpLabel.WouldWiden(Tlp, documentTlp) ? $"Withheld: this revision was published under TLP:{Tlp}." : Summary;
}
