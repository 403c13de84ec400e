using System.Net;
using System.Text.RegularExpressions;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Home;

/// <summary>The home page: what Vigil is, the latest notes the reader may read, how to report and how to check a phone, in English and Hindi.</summary>
public sealed partial class HomePageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task The_home_page_shows_the_latest_notes_the_reader_may_read_and_where_to_go_next()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var published = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal($"Home page note {i}"));
            await analyst.Client.PublishNoteAsync(id);
            published.Add(id);
        }
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Home page AMBER note", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);

        foreach (var (language, latest) in new[] { ("en", "Latest vulnerability notes"), ("hi", "नवीनतम सुरक्षा सूचनाएँ") })
        {
            var home = await PublicPage.GetAsync(factory.CreateClient(), "/", language);
            Assert.Equal(HttpStatusCode.OK, home.Status);
            Assert.Contains(latest, home.Main, StringComparison.Ordinal);
            // The five newest, newest first; the oldest of the six and the AMBER note are not there.
            var shown = NoteLinks().Matches(home.Main).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(Enumerable.Reverse(published).Take(5), shown);
            Assert.DoesNotContain("Home page AMBER note", home.Html, StringComparison.Ordinal);
            foreach (var link in new[] { "/notes", "/sign-in", "/check", "/indicators" })
            {
                Assert.Contains($"href=\"{link}\"", home.Main, StringComparison.Ordinal);
            }
        }
        var english = await PublicPage.GetAsync(factory.CreateClient(), "/");
        Assert.Contains("Report an incident", english.Main, StringComparison.Ordinal);
        var hindi = await PublicPage.GetAsync(factory.CreateClient(), "/", "hi");
        Assert.Contains("घटना की रिपोर्ट करें", hindi.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("Report an incident", hindi.Main, StringComparison.Ordinal);

        var signedIn = await PublicPage.GetAsync(analyst.Client, "/");
        Assert.Contains(amber, signedIn.Main, StringComparison.Ordinal);
    }

    [GeneratedRegex("<h3><a href=\"/notes/([^\"]+)\">")]
    private static partial Regex NoteLinks();
}
