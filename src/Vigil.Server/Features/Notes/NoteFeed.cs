using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Domain.Notes;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// GET /notes/feed.atom: an Atom feed of the public (TLP:CLEAR) notes, whoever asks, so that a feed reader or a
/// shared cache never holds more than the public may read. Each entry links to the note's page and its CSAF document.
/// </summary>
public static class NoteFeed
{
    public const string Path = "/notes/feed.atom";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, Handle).WithTags("Notes").ExcludeFromDescription().RequireAuthorization(Policies.OpenPages).RequireRateLimiting(RateLimits.Costly);

    private static async Task<IResult> Handle(VigilDbContext db, CsafLocations locations, IOptions<CsafOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().Where(n => n.Status != NoteWorkflow.Draft).Where(n => n.Tlp == TlpLabel.Clear)
            .OrderByDescending(n => n.UpdatedAt).Take(100).ToListAsync(cancellationToken);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", locations.Absolute(Path)),
            new XElement(Atom + "title", $"{options.Value.PublisherName}: vulnerability notes"),
            new XElement(Atom + "updated", Time(notes.Count > 0 ? notes.Max(n => n.UpdatedAt) : clock.GetUtcNow())),
            new XElement(Atom + "author", new XElement(Atom + "name", options.Value.PublisherName), new XElement(Atom + "email", options.Value.ContactEmail)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", locations.Absolute(Path))),
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
