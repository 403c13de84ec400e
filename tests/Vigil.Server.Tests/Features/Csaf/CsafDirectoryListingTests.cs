using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

public sealed class CsafDirectoryListingOnSqliteTests(VigilFactory factory) : CsafDirectoryListingTests<VigilFactory>(factory);

public sealed class CsafDirectoryListingOnPostgresTests(PostgresVigilFactory factory) : CsafDirectoryListingTests<PostgresVigilFactory>(factory);

/// <summary>
/// Issue 14, CSAF requirement 14 (directory listings): each distribution's directory_url and its year folders answer
/// with a listing generated on the server that links every document with its .asc, .sha256 and .sha512; every link
/// resolves; only the white (TLP:CLEAR) directory is public, and a note under another label is listed only there.
/// </summary>
public abstract class CsafDirectoryListingTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private const string White = "/.well-known/csaf/white/";

    [Fact]
    public async Task The_white_directory_and_its_year_folders_list_every_document_with_its_companions_and_every_link_resolves()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var clear = new List<string>();
        for (var n = 0; n < 2; n++)
        {
            var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal($"Listed note {n}"));
            await analyst.Client.PublishNoteAsync(id);
            clear.Add(id);
        }
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Amber listed note", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);
        var anonymous = factory.CreateClient();

        var metadata = await anonymous.GetNodeAsync("/.well-known/csaf/provider-metadata.json");
        var directoryUrl = metadata["distributions"]!.AsArray().Select(d => d!["directory_url"]!.GetValue<string>()).Single(u => u.EndsWith("/white/", StringComparison.Ordinal));
        var directory = await anonymous.GetAsync(new Uri(directoryUrl).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
        Assert.Equal("text/html", directory.Content.Headers.ContentType?.MediaType);
        var index = (await anonymous.GetStringAsync(White + "index.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var years = index.Select(p => p.Split('/')[0] + "/").Distinct().ToList();
        var listed = Links(await directory.Content.ReadAsStringAsync());
        Assert.Subset(listed.ToHashSet(), years.Select(y => White + y).Concat([White + "index.txt", White + "changes.csv", White + "csaf-feed-tlp-white.json"]).ToHashSet());

        var inYears = new List<string>();
        foreach (var year in years)
        {
            var links = Links(await anonymous.GetStringAsync(White + year));
            inYears.AddRange(links);
            foreach (var link in links)
            {
                Assert.True((await anonymous.GetAsync(link)).StatusCode == HttpStatusCode.OK, link);
            }
        }
        foreach (var path in index)
        {
            Assert.Subset(inYears.ToHashSet(), new[] { "", ".asc", ".sha256", ".sha512" }.Select(s => White + path + s).ToHashSet());
        }
        foreach (var id in clear)
        {
            Assert.Contains(inYears, l => l.EndsWith($"/{id.ToLowerInvariant()}.json", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(inYears, l => l.Contains(amber.ToLowerInvariant(), StringComparison.Ordinal));
        foreach (var link in listed)
        {
            Assert.True((await anonymous.GetAsync(link)).StatusCode == HttpStatusCode.OK, link);
        }
    }

    [Fact]
    public async Task Only_the_white_directory_is_listed_for_the_public_and_an_amber_note_is_listed_for_staff_alone()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Amber note for staff", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);
        var year = (await analyst.Client.GetStringAsync("/.well-known/csaf/amber/index.txt"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(p => p.Contains(amber.ToLowerInvariant(), StringComparison.Ordinal)).Split('/')[0];
        var anonymous = factory.CreateClient();

        foreach (var directory in new[] { "green", "amber", "red" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/.well-known/csaf/{directory}/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/.well-known/csaf/{directory}/{year}/")).StatusCode);
        }
        // A year the reader holds nothing of is listed empty, as index.txt would be: no 404 tells that it holds something.
        Assert.Equal(["/.well-known/csaf/white/"], Links(await anonymous.GetStringAsync("/.well-known/csaf/white/1999/")));
        var forStaff = Links(await analyst.Client.GetStringAsync($"/.well-known/csaf/amber/{year}/"));
        Assert.Contains($"/.well-known/csaf/amber/{year}/{amber.ToLowerInvariant()}.json.asc", forStaff);
    }

    private static List<string> Links(string html) => HtmlLinks.Of(html);
}
