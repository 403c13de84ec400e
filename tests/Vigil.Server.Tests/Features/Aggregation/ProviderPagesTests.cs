using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;
using Provider = Vigil.Server.Tests.Features.Aggregation.ProviderFollowingTests<Vigil.Server.Tests.Infrastructure.VigilFactory>;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// The staff's pages of followed CSAF providers at the HTTP level, in English and Hindi, against a provider served on
/// loopback as the aggregation tests serve one: following from the page and "run now" go through the API's code (seen
/// through the API and on the record), the list shows each provider's last run and next run, a provider's page its
/// runs and every refused document with its reason; a bad address is refused beside its box; reporters are kept out.
/// </summary>
public sealed class ProviderPagesTests(LoopbackFollowerFactory factory) : IClassFixture<LoopbackFollowerFactory>
{
    private const string Providers = "/api/v1/advisories/providers";

    private static string Say(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "Aggregation", "Pages", language == "en" ? "ProviderPagesText.resx" : "ProviderPagesText.hi.resx"))[key];

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task Staff_follow_a_provider_run_it_now_and_see_its_runs_and_refused_documents_with_why(string language)
    {
        await using var provider = await StaticCsafProvider.StartMirroredAsync($"Pages PSIRT {language}", "white");
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        provider.Publish("white/2024/good.json", provider.Document($"SP-{tag}-GOOD"));
        provider.Publish("white/2024/unsigned.json", provider.Document($"SP-{tag}-UNSIGNED"), signed: false);
        provider.WriteText("white/index.txt", "2024/good.json\n2024/unsigned.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (followed, _) = await pages.PostAsync("/providers", "follow", [("url", provider.MetadataUrl.AbsoluteUri)], language);

        Assert.Equal(HttpStatusCode.SeeOther, followed.StatusCode);
        var id = long.Parse(followed.Headers.Location!.OriginalString.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains((await analyst.Client.GetNodeAsync(Providers)).AsArray(), p => p!["id"]!.GetValue<long>() == id);
        var (page, html) = await pages.GetAsync($"/providers/{id}?done=followed", language);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Say(language, "NoRuns"), html, StringComparison.Ordinal);

        var (ran, _) = await pages.PostAsync($"/providers/{id}", "run", [], language);

        Assert.Equal(HttpStatusCode.SeeOther, ran.StatusCode);
        var runs = (await analyst.Client.GetNodeAsync($"{Providers}/{id}/runs")).AsArray();
        Assert.Equal((1, 1), (runs.Single()!["run"]!["imported"]!.GetValue<int>(), runs.Single()!["run"]!["refused"]!.GetValue<int>()));
        var kinds = (await analyst.Client.GetNodeAsync($"/api/v1/events?object_kind=provider&object_id={id}")).AsArray().Reverse().Select(e => e!["kind"]!.GetValue<string>());
        Assert.Equal(["provider-followed", "provider-run-requested"], kinds);
        (_, html) = await pages.GetAsync($"/providers/{id}", language);
        Assert.Contains($"Pages PSIRT {language}", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Trigger_requested"), html, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"url\">{provider.Url("white/2024/unsigned.json")}</code>", html, StringComparison.Ordinal);
        Assert.Contains("<td lang=\"en\">no OpenPGP signature (.asc) is published</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<code class=\"url\">{provider.Url("white/2024/good.json")}</code>", html, StringComparison.Ordinal);

        var (list, listHtml) = await pages.GetAsync("/providers", language);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var row = listHtml[listHtml.IndexOf($"<a href=\"/providers/{id}\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(provider.MetadataUrl.AbsoluteUri, row, StringComparison.Ordinal);
        Assert.Contains(Say(language, "WithRefusals"), row, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>\n                            <td>1</td>", row.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Say(language, "NextRound"), row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task An_address_that_is_not_a_provider_is_refused_beside_its_box_and_nothing_is_followed(string language)
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var pages = await PageReader.SignInAsync(factory, admin.Token);
        var before = (await admin.Client.GetNodeAsync(Providers)).AsArray().Count;

        var (refused, html) = await pages.PostAsync("/providers", "follow", [("url", "ftp://not a provider")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"url\" name=\"url\" type=\"text\" value=\"ftp://not a provider\" aria-invalid=\"true\" aria-describedby=\"url-error\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await admin.Client.GetNodeAsync(Providers)).AsArray().Count);
    }

    [Fact]
    public async Task A_reporter_gets_neither_page_nor_the_nav_link_and_its_post_follows_nothing()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await Provider.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        foreach (var path in new[] { "/providers", $"/providers/{id}" })
        {
            var (response, html) = await pages.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(provider.MetadataUrl.AbsoluteUri, html, StringComparison.Ordinal);
        }
        var (posted, _) = await pages.PostAsync($"/providers/{id}", "run", []);
        Assert.NotEqual(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Empty((await analyst.Client.GetNodeAsync($"{Providers}/{id}/runs")).AsArray());
        Assert.DoesNotContain("href=\"/providers\"", (await pages.GetAsync("/incidents")).Html, StringComparison.Ordinal);
        var staff = await PageReader.SignInAsync(factory, analyst.Token);
        Assert.Contains("href=\"/providers\"", (await staff.GetAsync("/incidents")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/providers/999999")).Response.StatusCode);
    }
}
