using Vigil.Domain.Incidents;

namespace Vigil.Server.Features.Ledger.Pages;

/// <summary>What kind of change to the record a leaf's kind names, as the log explorer says it (a LogText name).</summary>
public static class EntryKinds
{
    public static string CategoryOf(string kind) => kind switch
    {
        SubmissionKinds.Report or SubmissionKinds.Update or SubmissionKinds.Status or SubmissionKinds.Assignment or SubmissionKinds.Request => "KindSubmission",
        _ when kind.StartsWith("note-", StringComparison.Ordinal) => "KindNoteRevision",
        _ when kind.StartsWith("event:", StringComparison.Ordinal) => "KindEvent",
        _ => "KindOther",
    };
}
