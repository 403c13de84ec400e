using Vigil.Domain.Notes;

namespace Vigil.Server.Features.Csaf;

/// <summary>What a CSAF document is made from: the note as it now reads, and its revisions on the record.</summary>
public sealed record CsafSource(string NoteId, string Status, NoteContent Content, IReadOnlyList<CsafRevision> Revisions)
{
    public DateTimeOffset InitialRelease => Revisions[0].Date;

    public DateTimeOffset CurrentRelease => Revisions[^1].Date;

    public string Version => Revisions[^1].Version;

    public bool IsWithdrawn => Status == NoteWorkflow.Withdrawn;

    /// <summary>Why the note was withdrawn: the withdrawal revision's own words.</summary>
    public string? WithdrawalReason => Revisions.LastOrDefault(r => r.Kind == NoteWorkflow.Withdrawal)?.Summary;
}

public sealed record CsafRevision(string Version, string Summary, DateTimeOffset Date, string Kind);
