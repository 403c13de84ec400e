using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Domain.Notes;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using static System.Net.WebUtility;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// Notes for people: /notes lists what the caller may read, /notes/{id} shows one (withdrawn notes included, for
/// good), /notes/feed.atom is an Atom feed of the public (TLP:CLEAR) notes.
/// </summary>
public static class NotePages
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static void Map(IEndpointRouteBuilder app)
    {
        // A reporter signed in to the pages reads the GREEN notes its exposure links to, as with its API token.
        var group = app.MapGroup("/notes").WithTags("Notes").ExcludeFromDescription().RequireAuthorization(Policies.OpenPages)
            .WithContentSecurityPolicy(NotesHtml.ContentSecurityPolicy);
        group.MapGet("/", List);
        group.MapGet("/feed.atom", Feed);
        group.MapGet("/{id}", Page);
    }

    private static async Task<IResult> List(ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().Where(n => n.Status != NoteWorkflow.Draft)
            .OrderByDescending(n => n.PublishedAt).Take(500).ToListAsync(cancellationToken);
        var html = new StringBuilder(NotesHtml.Head("Vulnerability notes")).Append("<h1>Vulnerability notes</h1>\n<p><a href=\"/notes/feed.atom\">Atom feed</a> · ")
            .Append("<a href=\"/.well-known/csaf/provider-metadata.json\">CSAF provider</a></p>\n<table><tr><th>Note</th><th>Title</th><th>Severity</th><th>Version</th><th>Updated (UTC)</th></tr>\n");
        foreach (var note in notes)
        {
            var severity = NoteReader.ReadStored(note.Content).Severity;
            var withdrawn = note.Status == NoteWorkflow.Withdrawn ? " (withdrawn)" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"/notes/{HtmlEncode(note.Id)}\">{HtmlEncode(note.Id)}</a></td><td>{HtmlEncode(note.Title)}{withdrawn}</td><td>{severity}</td><td>{HtmlEncode(note.Version)}</td><td>{note.UpdatedAt.UtcDateTime:yyyy-MM-dd}</td></tr>\n");
        }
        return TypedResults.Content(html.Append("</table>\n").Append(NotesHtml.Foot).ToString(), NotesHtml.ContentType);
    }

    private static async Task<IResult> Page(string id, ClaimsPrincipal user, VigilDbContext db, CsafLocations locations, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (note is null)
        {
            return TypedResults.Content(NotesHtml.Head("Not found") + "<h1>Not found</h1>" + NotesHtml.Foot, NotesHtml.ContentType, statusCode: StatusCodes.Status404NotFound);
        }
        var revisions = await RevisionsForReader.ReadAsync(db, note, cancellationToken);
        var csaf = note.PublishedAt is { } published ? locations.Absolute(CsafLocations.DocumentPath(note.Tlp, note.Id, published)) : null;
        return TypedResults.Content(NotePage.Render(note, NoteReader.ReadStored(note.Content), revisions, csaf), NotesHtml.ContentType);
    }

    private static async Task<IResult> Feed(VigilDbContext db, CsafLocations locations, IOptions<CsafOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().Where(n => n.Status != NoteWorkflow.Draft).Where(n => n.Tlp == TlpLabel.Clear)
            .OrderByDescending(n => n.UpdatedAt).Take(100).ToListAsync(cancellationToken);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", locations.Absolute("/notes/feed.atom")),
            new XElement(Atom + "title", $"{options.Value.PublisherName}: vulnerability notes"),
            new XElement(Atom + "updated", Time(notes.Count > 0 ? notes.Max(n => n.UpdatedAt) : clock.GetUtcNow())),
            new XElement(Atom + "author", new XElement(Atom + "name", options.Value.PublisherName), new XElement(Atom + "email", options.Value.ContactEmail)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", locations.Absolute("/notes/feed.atom"))),
            notes.Select(n => new XElement(Atom + "entry",
                new XElement(Atom + "id", locations.Absolute($"/notes/{n.Id}")),
                new XElement(Atom + "title", $"{n.Id}: {n.Title}{(n.Status == NoteWorkflow.Withdrawn ? " (withdrawn)" : "")}"),
                new XElement(Atom + "published", Time(n.PublishedAt!.Value)),
                new XElement(Atom + "updated", Time(n.UpdatedAt)),
                new XElement(Atom + "link", new XAttribute("href", locations.Absolute($"/notes/{n.Id}"))),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "application/json"),
                    new XAttribute("href", locations.Absolute(CsafLocations.DocumentPath(n.Tlp, n.Id, n.PublishedAt!.Value)))),
                new XElement(Atom + "summary", NoteReader.ReadStored(n.Content).Summary))));
        return TypedResults.Content("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + feed, "application/atom+xml; charset=utf-8");
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
