using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Features.Notes;
using Vigil.Server.Infrastructure.Http;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.NoteExports;

/// <summary>
/// GET /api/v1/notes/{id}/cve5 and /osv: a published note in the CVE Program's and OSV's formats, for whoever may
/// read the note. Drafts are not exported; a withdrawn note is still an OSV record (marked withdrawn), but its CVE
/// record is rejected through CVE Services rather than exported again.
/// </summary>
public static class ExportNote
{
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Cve5(
        string id, string? cve, ClaimsPrincipal user, VigilDbContext db, IOptions<NoteExportsOptions> options,
        CsafLocations locations, CancellationToken cancellationToken)
    {
        var (note, problem) = await FindPublishedAsync(db, user, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (options.Value.CnaOrgId is null)
        {
            return Problems.Conflict("urn:vigil:problem:not-a-cna", "This CERT is not set up as a CNA",
                "Set NoteExports:CnaOrgId to the organisation UUID the CVE Program gave the CERT.");
        }
        if (note!.Status == NoteWorkflow.Withdrawn)
        {
            return Problems.Conflict("urn:vigil:problem:note-withdrawn", "The note is withdrawn",
                $"Note {note.Id} is withdrawn: reject its CVE record through CVE Services instead of exporting it.");
        }
        var content = NoteReader.ReadStored(note.Content);
        if (content.CveIds.Count == 0)
        {
            return Problems.Conflict("urn:vigil:problem:no-cve-id", "The note names no CVE id",
                $"Note {note.Id} has no cve_ids; revise it with the CVE id the CERT assigned.");
        }
        if ((cve is null && content.CveIds.Count > 1) || (cve is not null && !content.CveIds.Contains(cve, StringComparer.Ordinal)))
        {
            return Problems.InvalidParameters([("cve", $"name one of the note's CVE ids: {string.Join(", ", content.CveIds)}")]);
        }
        return TypedResults.Ok(new JsonObject { ["cnaContainer"] = CveContainer.From(note, content, options.Value, locations.Absolute($"/notes/{note.Id}")) });
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Osv(
        string id, ClaimsPrincipal user, VigilDbContext db, CsafLocations locations, CancellationToken cancellationToken)
    {
        var (note, problem) = await FindPublishedAsync(db, user, id, cancellationToken);
        return problem ?? (Results<Ok<JsonObject>, ProblemHttpResult>)TypedResults.Ok(
            OsvDocument.From(note!, NoteReader.ReadStored(note!.Content), locations.Absolute($"/notes/{note.Id}")));
    }

    private static async Task<(Note? Note, ProblemHttpResult? Problem)> FindPublishedAsync(
        VigilDbContext db, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return note is null ? (null, Problems.NotFound("note " + id))
            : note.Status == NoteWorkflow.Draft
                ? (null, Problems.Conflict("urn:vigil:problem:note-not-published", "The note is a draft", $"Note {id} is exported once it is published."))
                : (note, null);
    }
}
