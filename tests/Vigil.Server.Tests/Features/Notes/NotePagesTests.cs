using System.Net;
using System.Xml.Linq;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>Notes for people: the HTML list and page with sanitised Markdown, and the Atom feed of public notes.</summary>
public sealed class NotePagesTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task Markdown_is_rendered_and_anything_that_could_run_is_removed()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var note = NoteSamples.Minimal("Markdown note");
        note["description"] = "Use **care**.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>";
        var id = await analyst.Client.CreateNoteAsync(note);
        await analyst.Client.PublishNoteAsync(id);

        var page = await factory.CreateClient().GetStringAsync($"/notes/{id}");
        Assert.Contains("<strong>care</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        // Raw HTML in Markdown is shown as text, never as an element.
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
        Assert.Contains("What to do", page, StringComparison.Ordinal);
        Assert.Contains("Update the firmware to 1.4.2.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_and_the_Atom_feed_show_public_notes_and_nothing_else()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var clear = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Public note"));
        await analyst.Client.PublishNoteAsync(clear);
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Amber note", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);
        var draft = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Draft note"));
        var anonymous = factory.CreateClient();

        var list = await anonymous.GetStringAsync("/notes");
        Assert.Contains(clear, list, StringComparison.Ordinal);
        Assert.DoesNotContain(amber, list, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notes/{draft}")).StatusCode);

        var response = await anonymous.GetAsync("/notes/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains($"{clear}: Public note", titles);
        Assert.DoesNotContain(titles, t => t.StartsWith(amber, StringComparison.Ordinal) || t.StartsWith(draft, StringComparison.Ordinal));
    }
}
