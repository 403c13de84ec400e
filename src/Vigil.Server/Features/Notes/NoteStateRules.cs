using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// What the workflow forbids (409): publishing twice, revising a draft or a withdrawn note, withdrawing twice, and
/// narrowing a published note's audience, which would make it vanish for readers who already had it.
/// </summary>
public static class NoteStateRules
{
    public const string ConflictType = "urn:vigil:problem:note-workflow";

    public static ProblemHttpResult? Refusal(Note note, NoteRecorder.Change change) => change.Kind switch
    {
        NoteWorkflow.Publication when note.Status != NoteWorkflow.Draft =>
            Conflict($"Note {note.Id} is already {note.Status}; change it with a revision."),
        NoteWorkflow.Revision or NoteWorkflow.Withdrawal when note.Status == NoteWorkflow.Draft =>
            Conflict($"Note {note.Id} is a draft: publish it first (edit the draft with PUT until then)."),
        NoteWorkflow.Revision or NoteWorkflow.Withdrawal when note.Status == NoteWorkflow.Withdrawn =>
            Conflict($"Note {note.Id} is withdrawn; it stays readable but does not change any more."),
        NoteWorkflow.Revision when change.NewContent is not null && Narrows(note.Tlp, NoteReader.ReadStored(change.NewContent).Tlp) =>
            Conflict($"Note {note.Id} is published as TLP:{note.Tlp}; a revision may not restrict it further.",
                [new FieldError("/note/tlp", $"must be TLP:{note.Tlp} or less restrictive")]),
        _ => null,
    };

    public static ProblemHttpResult DraftOnly(Note note) =>
        Conflict($"Note {note.Id} is {note.Status}: a published note changes only by revision (POST .../revisions).");

    private static bool Narrows(string from, string to) => TlpLabel.Restriction(to) > TlpLabel.Restriction(from);

    private static ProblemHttpResult Conflict(string detail, IEnumerable<FieldError>? errors = null) =>
        Problems.Conflict(ConflictType, "The note's workflow does not allow this", detail, errors);
}
