using System.Net;
using System.Xml.Linq;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

public sealed class NoteSharingOnSqliteTests(VigilFactory factory) : NoteSharingTests<VigilFactory>(factory);

public sealed class NoteSharingOnPostgresTests(PostgresVigilFactory factory) : NoteSharingTests<PostgresVigilFactory>(factory);

/// <summary>
/// Notes are the CERT's: AMBER is read by CERT staff and the organisations the CERT shares a note with, RED by the
/// people named on it (its author first). Lists and the Atom feed (issue 11) show only what the reader may read.
/// </summary>
public abstract class NoteSharingTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task An_AMBER_note_shared_with_an_organisation_is_read_by_its_reporters_and_no_other_organisation()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var sharedWith = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Shared note", tlp: "RED"));
        await analyst.Client.PublishNoteAsync(id, "For the named handlers only.");
        await analyst.Client.ReviseNoteAsync(id, NoteSamples.Minimal("Shared note", tlp: "AMBER"), "Shared with the operators.");
        await analyst.Client.ReviseNoteAsync(id, NoteSamples.Minimal("Shared note", tlp: "AMBER"), "Clarified.", "patch");
        await factory.ShareAsync(AudienceFilters.Note, id, sharedWith.OrganisationId!);

        var note = await sharedWith.Client.GetNodeAsync($"/api/v1/notes/{id}");
        Assert.Equal("AMBER", note["tlp"]!.GetValue<string>());
        var history = (await sharedWith.Client.GetNodeAsync($"/api/v1/notes/{id}/history"))["revisions"]!.AsArray();
        Assert.Equal([true, false, false], history.Select(r => r!["withheld"]!.GetValue<bool>()));
        Assert.Equal(["RED", "AMBER", "AMBER"], history.Select(r => r!["tlp"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await sharedWith.Client.GetAsync($"/api/v1/notes/{id}/revisions/1")).StatusCode);
        Assert.Equal("Shared with the operators.", (await sharedWith.Client.GetNodeAsync($"/api/v1/notes/{id}/revisions/2"))["summary"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await sharedWith.Client.GetAsync($"/api/v1/notes/{id}/revisions/3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sharedWith.Client.GetAsync($"/notes/{id}")).StatusCode);
        var csaf = new Uri(note["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;
        Assert.StartsWith("/.well-known/csaf/amber/", csaf, StringComparison.Ordinal);
        var document = await sharedWith.Client.GetStringAsync(csaf);
        Assert.DoesNotContain("For the named handlers only.", document, StringComparison.Ordinal);

        foreach (var path in new[] { $"/api/v1/notes/{id}", $"/api/v1/notes/{id}/history", $"/api/v1/notes/{id}/revisions/2", $"/notes/{id}", csaf })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);
        }
        // The author was named on the RED publication, so reads it still; another analyst reads the AMBER ones only.
        Assert.Equal("For the named handlers only.", (await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}/revisions/1"))["summary"]!.GetValue<string>());
        var colleague = await factory.CreateActorAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Client.GetAsync($"/api/v1/notes/{id}/revisions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync($"/api/v1/notes/{id}/revisions/2")).StatusCode);
    }

    [Fact]
    public async Task A_RED_note_is_read_by_the_people_named_on_it_and_nobody_else()
    {
        var author = await factory.CreateActorAsync(Roles.Analyst);
        var colleague = await factory.CreateActorAsync(Roles.Analyst);
        var named = await factory.CreateActorAsync(Roles.Reporter);
        var sameOrganisation = await factory.CreateActorAsync(Roles.Reporter, named.OrganisationId);
        var id = await author.Client.CreateNoteAsync(NoteSamples.Minimal("Red note", tlp: "RED"));
        await author.Client.PublishNoteAsync(id);
        await factory.NameAsync(AudienceFilters.Note, id, named.UserId);

        Assert.Equal(HttpStatusCode.OK, (await author.Client.GetAsync($"/api/v1/notes/{id}/revisions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await named.Client.GetAsync($"/api/v1/notes/{id}/revisions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await named.Client.GetAsync($"/notes/{id}")).StatusCode);
        foreach (var client in new[] { colleague.Client, sameOrganisation.Client, factory.CreateClient() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/notes/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/notes/{id}/history")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/notes/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Lists_show_what_the_reader_may_read_and_the_Atom_feed_only_CLEAR_notes()
    {
        var author = await factory.CreateActorAsync(Roles.Analyst);
        var colleague = await factory.CreateActorAsync(Roles.Analyst);
        var sharedWith = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var ids = new Dictionary<string, string>();
        foreach (var tlp in new[] { "CLEAR", "GREEN", "AMBER", "RED" })
        {
            ids[tlp] = await author.Client.CreateNoteAsync(NoteSamples.Minimal($"Listed {tlp} note", tlp: tlp));
            await author.Client.PublishNoteAsync(ids[tlp]);
        }
        await factory.ShareAsync(AudienceFilters.Note, ids["AMBER"], sharedWith.OrganisationId!);

        var expectations = new (HttpClient Client, string[] Labels)[]
        {
            (factory.CreateClient(), ["CLEAR"]),
            (other.Client, ["CLEAR", "GREEN"]),
            (sharedWith.Client, ["CLEAR", "GREEN", "AMBER"]),
            (colleague.Client, ["CLEAR", "GREEN", "AMBER"]),
            (author.Client, ["CLEAR", "GREEN", "AMBER", "RED"]),
        };
        foreach (var (client, labels) in expectations)
        {
            var api = await client.GetStringAsync("/api/v1/notes");
            var page = await client.GetStringAsync("/notes");
            foreach (var (tlp, id) in ids)
            {
                Assert.Equal(labels.Contains(tlp), api.Contains(id, StringComparison.Ordinal));
                Assert.Equal(labels.Contains(tlp), page.Contains(id, StringComparison.Ordinal));
            }
            var feed = XDocument.Parse(await client.GetStringAsync("/notes/feed.atom"));
            var entries = feed.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).Select(e => e.ToString()).ToList();
            Assert.Contains(entries, e => e.Contains(ids["CLEAR"], StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Contains(ids["GREEN"], StringComparison.Ordinal) || e.Contains(ids["AMBER"], StringComparison.Ordinal)
                || e.Contains(ids["RED"], StringComparison.Ordinal));
        }
    }
}
