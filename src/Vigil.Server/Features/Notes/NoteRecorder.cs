using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// The one way a note changes on the record: its publication, each revision, its withdrawal. In one transaction:
/// the immutable revision row with its salt, the note's new state, the revision's leaf in the transparency log, a
/// signed checkpoint and the proof for the receipt. The note's row is locked first, so two revisions cannot race.
/// </summary>
public sealed class NoteRecorder(VigilDbContext db, RecordStep record, WriteTransactions writes)
{
    public sealed record Change(string Kind, string Summary, string Significance, string? NewContent);

    public sealed record Recorded(Note Note, NoteRevision Revision, NoteReceipt Receipt);

    public Task<(Recorded? Recorded, ProblemHttpResult? Problem)> RecordAsync(
        string noteId, Change change, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        NoteTransactions.RunAsync<(Recorded?, ProblemHttpResult?)>(db, writes, async () =>
        {
            var note = db.Database.IsNpgsql()
                ? await db.Notes.FromSql($"SELECT * FROM notes WHERE id = {noteId} FOR UPDATE").SingleAsync(cancellationToken)
                : await db.Notes.SingleAsync(n => n.Id == noteId, cancellationToken);
            var refusal = NoteStateRules.Refusal(note, change);
            if (refusal is not null)
            {
                return (null, refusal);
            }
            return (await AppendAsync(note, change, actor, cancellationToken), null);
        }, r => r.Item1 is not null, cancellationToken);

    private async Task<Recorded> AppendAsync(Note note, Change change, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var now = await record.BeginAsync(cancellationToken);
        var content = change.NewContent ?? note.Content;
        var stored = NoteReader.ReadStored(content);
        var facts = new NoteRevisionFacts(note.Id, note.Revisions + 1, change.Kind, NoteWorkflow.NextVersion(note.Version, change.Significance), change.Summary, now);
        var entry = record.Append(facts.Kind, content, (content, salt) => NoteCommitment.Compute(facts, content, salt));
        var revision = new NoteRevision
        {
            NoteId = note.Id,
            Sequence = facts.Sequence,
            Kind = facts.Kind,
            Version = facts.Version,
            Summary = facts.Summary,
            Tlp = stored.Tlp,
            ActorId = actor.UserId(),
            ReceivedAt = now,
            Content = entry.Content,
            ContentSha256 = entry.ContentSha256,
            Salt = entry.Salt,
            LeafIndex = entry.LeafIndex,
        };
        db.NoteRevisions.Add(revision);

        note.Content = content;
        note.Title = stored.Title;
        note.Tlp = stored.Tlp;
        note.Version = facts.Version;
        note.Revisions = facts.Sequence;
        note.Status = change.Kind == NoteWorkflow.Withdrawal ? NoteWorkflow.Withdrawn : NoteWorkflow.Published;
        note.PublishedAt ??= now;
        note.UpdatedAt = now;

        if (change.Kind != NoteWorkflow.Withdrawal) { await Notifications.Subscriptions.NoteNotifications.AddAsync(db, revision, stored, cancellationToken); }
        var proof = await record.SealAsync(entry, cancellationToken);
        return new Recorded(note, revision, NoteReceipt.For(revision, proof.LeafHash, proof.Origin, proof.TlogProof));
    }
}
