using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.ReporterPages.PageClient;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>
/// The inventory pages over HTTP, in English and Hindi: who reaches which organisation, what the exposure shows and in
/// what order, and an upload refused beside its field and at the top, naming the same JSON pointers as the API.
/// </summary>
public sealed class InventoryPagesTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task A_reporter_is_sent_to_its_own_organisation_staff_choose_one_and_oversight_is_told_in_its_language()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var analyst = await Seed.UserAsync(factory.Services, Roles.Analyst);
        var oversight = await Seed.UserAsync(factory.Services, Roles.Oversight);

        var sent = await GetAsync(Client(), "/inventory", Session(await SignInAsync(Client(), reporter.Token)));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal(InventoryPath(reporter.OrganisationId), sent.Headers.Location!.OriginalString);

        var analystSession = Session(await SignInAsync(Client(), analyst.Token));
        var list = await GetAsync(Client(), "/inventory", analystSession);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("no-store", list.Headers.CacheControl!.ToString());
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"{InventoryPath(reporter.OrganisationId)}\">Org {reporter.OrganisationId}</a>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Organisations</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>संगठन</h1>", await (await GetAsync(Client(), "/inventory", analystSession, Hindi)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var oversightSession = Session(await SignInAsync(Client(), oversight.Token));
        foreach (var (language, sentence) in new[] { ((string?)null, "Inventories are for reporters and CERT staff."), (Hindi, "इन्वेंटरी रिपोर्ट करने वालों और CERT के कर्मचारियों के लिए है।") })
        {
            var refused = await GetAsync(Client(), "/inventory", oversightSession, language);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Contains(sentence, page, StringComparison.Ordinal);
            Assert.Contains("<main", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_organisation_and_one_that_does_not_exist_are_the_same_404_and_oversight_sees_none()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var stranger = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var oversight = await Seed.UserAsync(factory.Services, Roles.Oversight);
        var strangerSession = Session(await SignInAsync(Client(), stranger.Token));
        var analystSession = Session(await SignInAsync(Client(), (await Seed.UserAsync(factory.Services, Roles.Analyst)).Token));

        foreach (var (session, path) in new[]
        {
            (strangerSession, InventoryPath(reporter.OrganisationId)),
            (strangerSession, InventoryPath("no-such-organisation")),
            (analystSession, InventoryPath("no-such-organisation")),
            (Session(await SignInAsync(Client(), oversight.Token)), InventoryPath(reporter.OrganisationId)),
        })
        {
            foreach (var (language, sentence) in new[] { ((string?)null, "There is no organisation here that you may see."), (Hindi, "यहाँ ऐसा कोई संगठन नहीं है जिसे आप देख सकें।") })
            {
                var response = await GetAsync(Client(), path, session, language);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains(sentence, html, StringComparison.Ordinal);
                Assert.DoesNotContain("Org " + reporter.OrganisationId, html, StringComparison.Ordinal);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Client(), InventoryPath(reporter.OrganisationId), analystSession)).StatusCode);

        // Nor can its form replace that inventory: a valid form of the stranger's own page, posted to the other one.
        var antiforgery = await AntiforgeryAsync(Client(), InventoryPath(stranger.OrganisationId), strangerSession);
        var posted = await Client().SendAsync(Upload(InventoryPath(reporter.OrganisationId), AffectedSamples.Sbom("1.6"), antiforgery, strangerSession));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        await using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.Count("SELECT COUNT(*) FROM organisation_inventories WHERE organisation_id = @o", ("@o", reporter.OrganisationId!)));
    }

    [Fact]
    public async Task The_exposure_puts_what_to_do_before_the_matches_with_how_and_why_in_both_languages()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var note = await AffectedSamples.PublishAsync(analyst.Client, NoteSamples.Cve20193568());
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var session = Session(await SignInAsync(Client(), reporter.Token));
        var path = InventoryPath(reporter.OrganisationId);
        var antiforgery = await AntiforgeryAsync(Client(), path, session);
        Assert.Equal(HttpStatusCode.SeeOther, (await Client().SendAsync(Upload(path, AffectedSamples.Sbom("1.5"), antiforgery, session))).StatusCode);

        var english = await (await GetAsync(Client(), path, session)).Content.ReadAsStringAsync();
        var section = english[english.IndexOf("<section class=\"exposed\"", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"/notes/{note}\">{note}</a>", section, StringComparison.Ordinal);
        Assert.True(section.IndexOf("Upgrade WhatsApp to the latest version", StringComparison.Ordinal) < section.IndexOf("<table", StringComparison.Ordinal),
            "the countermeasures come before the matched components");
        Assert.Contains("<th scope=\"row\">WhatsApp for Android 2.19.100", section, StringComparison.Ordinal);
        Assert.Contains("<td>version in range</td>", section, StringComparison.Ordinal);
        Assert.Contains("version 2.19.100 lies in vers:semver/&lt;2.19.134", section, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Version evidence</th>", english, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"", english, StringComparison.Ordinal);
        Assert.Contains("<table id=\"inventory\">", english, StringComparison.Ordinal);

        var hindi = await (await GetAsync(Client(), path, session, Hindi)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"hi\">", hindi, StringComparison.Ordinal);
        Assert.Contains("अभी इसे क्या प्रभावित करता है", hindi, StringComparison.Ordinal);
        Assert.Contains("<td>सीमा के भीतर संस्करण</td>", hindi, StringComparison.Ordinal);
        Assert.Contains("<h4>क्या करें</h4>", hindi, StringComparison.Ordinal);
        Assert.DoesNotContain("What to do", hindi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_names_each_bad_field_beside_the_file_and_at_the_top_and_keeps_the_inventory()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var session = Session(await SignInAsync(Client(), reporter.Token));
        var path = InventoryPath(reporter.OrganisationId);
        var antiforgery = await AntiforgeryAsync(Client(), path, session);
        Assert.Equal(HttpStatusCode.SeeOther, (await Client().SendAsync(Upload(path, AffectedSamples.Sbom("1.4"), antiforgery, session))).StatusCode);
        var bad = """{"bomFormat": "CycloneDX", "specVersion": "1.3", "components": [{"version": "<script>alert(1)</script>"}]}""";

        foreach (var (language, refused) in new[] { ((string?)null, "The upload was refused; the inventory is unchanged."), (Hindi, "अपलोड अस्वीकार कर दिया गया; इन्वेंटरी नहीं बदली।") })
        {
            var response = await Client().SendAsync(Upload(path, bad, antiforgery, session, language));

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var start = html.IndexOf("class=\"error-summary\"", StringComparison.Ordinal);
            var summary = html[start..html.IndexOf("<form", start, StringComparison.Ordinal)];
            Assert.Contains(refused, summary, StringComparison.Ordinal);
            var beside = html[html.IndexOf("<ul id=\"upload-errors\"", StringComparison.Ordinal)..];
            foreach (var pointer in new[] { "/specVersion", "/components/0/name" })
            {
                Assert.Contains($"<code>{pointer}</code>", summary, StringComparison.Ordinal);
                Assert.Contains($"<code>{pointer}</code>", beside, StringComparison.Ordinal);
            }
            Assert.Contains("aria-describedby=\"upload-errors\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
            Assert.Contains("Field phone image", html, StringComparison.Ordinal);
        }

        foreach (var (file, status, sentence) in new[]
        {
            ("", HttpStatusCode.UnprocessableEntity, "Choose a CycloneDX JSON SBOM or a product list to upload."),
            ("{\"products\": [", HttpStatusCode.BadRequest, "The file is not well-formed JSON."),
        })
        {
            var response = await Client().SendAsync(Upload(path, file, antiforgery, session));
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(sentence, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var connection = factory.OpenDatabase();
        Assert.Equal("cyclonedx-1.4", Assert.Single(connection.Strings("SELECT format FROM organisation_inventories WHERE organisation_id = @o", ("@o", reporter.OrganisationId!))));
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
