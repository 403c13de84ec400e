using System.Net;
using System.Text.RegularExpressions;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.Indicators.CollectionApi;

namespace Vigil.Server.Tests.Features.Indicators;

/// <summary>
/// The indicator pages for people: /indicators lists the collections the reader may read (the public: TLP:CLEAR),
/// /indicators/{id} shows one with its indicators a page at a time and its STIX bundle to download, a collection the
/// reader may not read is the same 404 as none, and /check explains vigil scan step by step, in English and Hindi.
/// The pages read through the same code as the API (ReadCollections), tested on both databases there.
/// </summary>
public sealed class IndicatorPagesTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task The_public_sees_the_CLEAR_collections_and_their_indicators_and_nothing_of_the_others()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var clear = await analyst.CreateCollectionAsync("CLEAR", "Stalkerware domains", "\"description\": \"Domains stalkerware apps report to.\"");
        await analyst.AddPatternsAsync(clear, "[domain-name:value = 'public-spy.example']");
        var amber = await analyst.CreateCollectionAsync("AMBER", "Campaign under investigation");
        await analyst.AddPatternsAsync(amber, "[domain-name:value = 'secret-c2.example']");
        var anonymous = factory.CreateClient();

        foreach (var language in new[] { "en", "hi" })
        {
            var list = await PublicPage.GetAsync(anonymous, "/indicators", language);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Contains($"<a href=\"/indicators/{clear}\">Stalkerware domains</a>", list.Main, StringComparison.Ordinal);
            Assert.DoesNotContain("Campaign under investigation", list.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(amber, list.Html, StringComparison.Ordinal);
        }

        var page = await PublicPage.GetAsync(anonymous, $"/indicators/{clear}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Domains stalkerware apps report to.", page.Main, StringComparison.Ordinal);
        Assert.Contains("public-spy.example", page.Main, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/indicator-collections/{clear}/stix\"", page.Main, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/indicator-collections/{clear}/stix")).StatusCode);
        Assert.Contains("href=\"/check\"", page.Main, StringComparison.Ordinal);

        var missing = await PublicPage.GetAsync(anonymous, "/indicators/no-such-collection");
        var hidden = await PublicPage.GetAsync(anonymous, $"/indicators/{amber}");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(missing.Main, hidden.Main);
        Assert.Contains("There is nothing here that you may see.", missing.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-c2.example", hidden.Html, StringComparison.Ordinal);
        Assert.Contains("secret-c2.example", (await PublicPage.GetAsync(analyst, $"/indicators/{amber}")).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_collection_is_shown_a_page_at_a_time_within_the_budget()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var id = await analyst.CreateCollectionAsync("CLEAR", "Pegasus (Amnesty)");
        var imported = await analyst.PostJsonAsync($"{Root}/{id}/bundles", await File.ReadAllTextAsync(PegasusBundle));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var first = await PublicPage.GetAsync(factory.CreateClient(), $"/indicators/{id}");
        Assert.Contains("Page 1 of 16", first.Main, StringComparison.Ordinal);
        Assert.Equal(100, Regex.Matches(first.Main, "<th scope=\"row\"><code>").Count);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(first.Html) < 90 * 1024, $"{first.Html.Length} characters");
        Assert.Contains($"href=\"/indicators/{id}?page=2\" rel=\"next\"", first.Main, StringComparison.Ordinal);

        var last = await PublicPage.GetAsync(factory.CreateClient(), $"/indicators/{id}?page=16");
        Assert.Contains("Page 16 of 16", last.Main, StringComparison.Ordinal);
        Assert.Equal(49, Regex.Matches(last.Main, "<th scope=\"row\"><code>").Count);
        // A page number past the end, or not a number, is the first page.
        Assert.Contains("Page 1 of 16", (await PublicPage.GetAsync(factory.CreateClient(), $"/indicators/{id}?page=99")).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_page_explains_vigil_scan_step_by_step_with_a_collection_to_download()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var clear = await analyst.CreateCollectionAsync("CLEAR", "Check page example");
        var anonymous = factory.CreateClient();

        var english = await PublicPage.GetAsync(anonymous, "/check");
        Assert.Equal(HttpStatusCode.OK, english.Status);
        var steps = new[] { "Get the vigil command", "Download the indicators", "Collect what to check", "Scan", "Read the result" }
            .Select(step => english.IndexOf($">{step}</h2>")).ToList();
        Assert.All(steps, index => Assert.True(index > 0));
        Assert.Equal(steps.Order(), steps);
        Assert.Contains($"api/v1/indicator-collections/{clear}/stix", english.Main, StringComparison.Ordinal);
        Assert.Contains("vigil scan --iocs indicators/ bugreport.zip", english.Main, StringComparison.Ordinal);
        foreach (var option in new[] { "--iocs FILE_OR_DIR", "--json", "--threads N", "PATH..." })
        {
            Assert.Contains($"<code>{option}</code>", english.Main, StringComparison.Ordinal);
        }

        var hindi = await PublicPage.GetAsync(anonymous, "/check", "hi");
        Assert.Contains("अपना फ़ोन या लॉग जाँचें", hindi.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("Get the vigil command", hindi.Main, StringComparison.Ordinal);
        // The commands are the same in every language.
        Assert.Contains("vigil scan --iocs indicators/ bugreport.zip", hindi.Main, StringComparison.Ordinal);
    }
}
