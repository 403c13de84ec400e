using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;
using static Vigil.Server.Tests.Features.Indicators.CollectionApi;

namespace Vigil.Server.Tests.Features.Indicators;

/// <summary>
/// The analysts' collection pages at the HTTP level, in English and Hindi: each form goes through the API's own code
/// (what it writes is seen through the API and on the record), a refused form names its bad field beside it and
/// writes nothing, the import's preview writes nothing and its confirmation adds exactly what it showed, TLP labels
/// are shown, and only analysts get in.
/// </summary>
public sealed class CollectionPagesTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private static string Say(string language, string key, params object[] values) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "Indicators", "Pages", language == "en" ? "CollectionPagesText.resx" : "CollectionPagesText.hi.resx"))[key],
        values);

    private async Task<(Actor Analyst, PageReader Pages)> AnalystAsync()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        return (analyst, await PageReader.SignInAsync(factory, analyst.Token));
    }

    private static async Task<List<string>> EventKindsAsync(HttpClient analyst, string collectionId) =>
        [.. (await analyst.GetNodeAsync($"/api/v1/events?object_kind=collection&object_id={collectionId}")).AsArray().Reverse().Select(e => e!["kind"]!.GetValue<string>())];

    private static string IdFrom(HttpResponseMessage redirected) =>
        redirected.Headers.Location!.OriginalString.Split('/')[2];

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task An_analyst_opens_a_collection_on_the_page_and_the_API_and_the_record_show_it(string language)
    {
        var (analyst, pages) = await AnalystAsync();
        var name = $"Predator domains {Guid.NewGuid():N}";

        var (form, html) = await pages.GetAsync("/indicators/new", language);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains(Say(language, "NewTitle"), html, StringComparison.Ordinal);
        var (created, _) = await pages.PostAsync("/indicators/new", "collection",
            [("name", name), ("tlp", "AMBER"), ("description", "Domains seen in the 2024 campaign."), ("malware", "Predator\r\nCytrox\r\n")], language);

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var id = IdFrom(created);
        Assert.Equal($"/indicators/{id}/edit?done=created", created.Headers.Location!.OriginalString);
        var stored = (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["collection"]!;
        Assert.Equal(name, stored["name"]!.GetValue<string>());
        Assert.Equal("AMBER", stored["tlp"]!.GetValue<string>());
        Assert.Equal(["Predator", "Cytrox"], stored["malware"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(["collection-created"], await EventKindsAsync(analyst.Client, id));
        var (edit, editHtml) = await pages.GetAsync($"/indicators/{id}/edit?done=created", language);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("<span class=\"tlp\">TLP:AMBER</span>", editHtml, StringComparison.Ordinal);
        Assert.Contains(Say(language, "DoneCreated"), editHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_refused_collection_is_shown_again_with_each_error_beside_its_box_and_nothing_written(string language)
    {
        var (analyst, pages) = await AnalystAsync();
        var taken = await analyst.Client.CreateCollectionAsync("GREEN");
        var takenName = (await analyst.Client.GetNodeAsync($"{Root}/{taken}"))["collection"]!["name"]!.GetValue<string>();
        var before = (await analyst.Client.GetNodeAsync(Root)).AsArray().Count;

        var (refused, html) = await pages.PostAsync("/indicators/new", "collection", [("name", takenName), ("tlp", "PURPLE"), ("incident_ids", "no-such-incident")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"name\" name=\"name\" type=\"text\" value=\"" + takenName + "\" aria-invalid=\"true\" aria-describedby=\"name-error\"", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "NameTaken"), html, StringComparison.Ordinal);
        Assert.Contains("<select id=\"tlp\" name=\"tlp\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "NotALabel"), html, StringComparison.Ordinal);
        Assert.Contains("id=\"incident-ids-error\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await analyst.Client.GetNodeAsync(Root)).AsArray().Count);
    }

    [Fact]
    public async Task Editing_sends_only_what_changed_and_a_label_narrower_indicators_hold_back_is_refused_beside_it()
    {
        var (analyst, pages) = await AnalystAsync();
        var id = await analyst.Client.CreateCollectionAsync("AMBER", extra: "\"description\": \"first words\"");
        var name = (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["collection"]!["name"]!.GetValue<string>();

        var (saved, _) = await pages.PostAsync($"/indicators/{id}/edit", "collection", [("name", name), ("tlp", "AMBER+STRICT"), ("description", "")]);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var stored = (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["collection"]!;
        Assert.Equal("AMBER+STRICT", stored["tlp"]!.GetValue<string>());
        Assert.Null(stored["description"]);
        var updated = (await analyst.Client.GetNodeAsync($"/api/v1/events?object_kind=collection&object_id={id}")).AsArray().First()!;
        Assert.Equal(["description", "tlp"], updated["details"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()).Order(StringComparer.Ordinal));

        // Its indicators are now marked AMBER+STRICT: the collection cannot go back to a wider label past them.
        await analyst.Client.AddPatternsAsync(id, "[domain-name:value = 'held.example']");
        var (refused, html) = await pages.PostAsync($"/indicators/{id}/edit", "collection", [("name", name), ("tlp", "GREEN")]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("id=\"tlp-error\"", html, StringComparison.Ordinal);
        Assert.Contains(Say("en", "HeldBack", "AMBER+STRICT"), html, StringComparison.Ordinal);
        Assert.Equal("AMBER+STRICT", (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["collection"]!["tlp"]!.GetValue<string>());

        // The form sent back as it stands changes nothing, and nothing goes on the record.
        var events = (await EventKindsAsync(analyst.Client, id)).Count;
        var (unchanged, _) = await pages.PostAsync($"/indicators/{id}/edit", "collection", [("name", name), ("tlp", "AMBER+STRICT")]);
        Assert.Equal($"/indicators/{id}/edit?done=unchanged", unchanged.Headers.Location!.OriginalString);
        Assert.Equal(events, (await EventKindsAsync(analyst.Client, id)).Count);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_pattern_that_does_not_parse_is_shown_beside_itself_nothing_is_written_and_the_corrected_ones_are_added(string language)
    {
        var (analyst, pages) = await AnalystAsync();
        var id = await analyst.Client.CreateCollectionAsync("GREEN");
        var patterns = "[domain-name:value = 'good-one.example']\n[domain-name:valeu = 'typo.example'\n[ipv4-addr:value = '198.51.100.7']\n";

        var (refused, html) = await pages.PostAsync($"/indicators/{id}/edit", "patterns", [("patterns", patterns), ("pattern_name", "Campaign C2")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        // Each pattern now has its own box; only the second is marked, its error right beside it.
        Assert.Contains("id=\"pattern-0\" name=\"pattern\" type=\"text\" value=\"[domain-name:value = 'good-one.example']\" />", html, StringComparison.Ordinal);
        Assert.Contains("id=\"pattern-1\" name=\"pattern\" type=\"text\" value=\"[domain-name:valeu = 'typo.example'\" aria-invalid=\"true\" aria-describedby=\"pattern-1-error\"", html, StringComparison.Ordinal);
        var error = html[html.IndexOf("id=\"pattern-1-error\"", StringComparison.Ordinal)..];
        Assert.StartsWith("id=\"pattern-1-error\"><span>" + Say(language, "NotAPattern", "")[..8], error, StringComparison.Ordinal);
        Assert.True(error.IndexOf("id=\"pattern-1\"", StringComparison.Ordinal) < error.IndexOf("id=\"pattern-2\"", StringComparison.Ordinal));
        Assert.DoesNotContain("pattern-0-error", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Campaign C2\"", html, StringComparison.Ordinal);
        Assert.Empty((await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray());
        Assert.Equal(["collection-created"], await EventKindsAsync(analyst.Client, id));

        var (added, _) = await pages.PostAsync($"/indicators/{id}/edit", "patterns",
            [("pattern", "[domain-name:value = 'good-one.example']"), ("pattern", "[domain-name:value = 'typo.example']"), ("pattern", "[ipv4-addr:value = '198.51.100.7']"), ("pattern_name", "Campaign C2")], language);

        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal($"/indicators/{id}/edit?done=added&added=3&present=0", added.Headers.Location!.OriginalString);
        var indicators = (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray();
        Assert.Equal(3, indicators.Count);
        Assert.All(indicators, i => Assert.Equal(("Campaign C2", "GREEN"), (i!["name"]!.GetValue<string>(), i["tlp"]!.GetValue<string>())));
        Assert.Equal(["collection-created", "collection-indicators-added"], await EventKindsAsync(analyst.Client, id));
        var (_, page) = await pages.GetAsync($"/indicators/{id}/edit", language);
        Assert.Contains("typo.example", page, StringComparison.Ordinal);
        Assert.Contains("<td><span class=\"tlp\">TLP:GREEN</span></td>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_preview_of_a_real_bundle_lists_what_will_be_added_writes_nothing_and_the_confirmation_adds_exactly_that(string language)
    {
        var (analyst, pages) = await AnalystAsync();
        var id = await analyst.Client.CreateCollectionAsync("CLEAR");
        var bytes = await File.ReadAllBytesAsync(PegasusBundle);

        var (previewed, html) = await pages.PostFilesAsync($"/indicators/{id}/import", "preview", [], [("bundle_file", "pegasus.stix2", bytes)], language);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains(Say(language, "PreviewTitle"), html, StringComparison.Ordinal);
        Assert.Contains("bundle--34d0032b-b342-4076-955d-6c0020fe693a", html, StringComparison.Ordinal);
        Assert.Contains("<code>[domain-name:value='weather4free.com']</code>", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "AndMore", "1,449"), html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "ObjectsOfType", "1,549", "relationship"), html, StringComparison.Ordinal);
        Assert.Contains("<dd>Pegasus</dd>", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "NoMarkings", "CLEAR"), html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tlp\">TLP:CLEAR</span>", html, StringComparison.Ordinal);
        Assert.Empty((await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray());
        Assert.Equal(["collection-created"], await EventKindsAsync(analyst.Client, id));

        var pending = System.Text.RegularExpressions.Regex.Match(html, "name=\"pending\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var (confirmed, _) = await pages.PostAsync($"/indicators/{id}/import", "confirm", [("pending", pending)], language);

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal($"/indicators/{id}/edit?done=imported&added=1549&present=0", confirmed.Headers.Location!.OriginalString);
        var detail = await analyst.Client.GetNodeAsync($"{Root}/{id}");
        Assert.Equal(1_549, detail["indicators"]!.AsArray().Count);
        Assert.Equal(["Pegasus"], detail["collection"]!["malware"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(["collection-created", "collection-bundle-imported"], await EventKindsAsync(analyst.Client, id));
        // The preview is used once: confirming again asks for the bundle again and adds nothing.
        var (again, againHtml) = await pages.PostAsync($"/indicators/{id}/import", "confirm", [("pending", pending)], language);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(Say(language, "PreviewGone"), againHtml, StringComparison.Ordinal);
        Assert.Equal(2, (await EventKindsAsync(analyst.Client, id)).Count);
    }

    [Fact]
    public async Task A_pasted_bundle_marked_more_restrictively_is_imported_only_when_lowered_on_purpose_with_a_reason()
    {
        var (analyst, pages) = await AnalystAsync();
        var id = await analyst.Client.CreateCollectionAsync("AMBER");
        await analyst.Client.AddPatternsAsync(id, "[domain-name:value = 'already.example']");
        var bundle = Bundle(
            Indicator("[domain-name:value = 'red-only.example']", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"),
            Indicator("[domain-name:value = 'already.example']", null),
            Indicator("[domain-name:value = 'plain.example']", null));

        var (previewed, html) = await pages.PostFilesAsync($"/indicators/{id}/import", "preview", [("bundle_text", bundle)], []);
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains(Say("en", "NarrowerWhy", "RED", "AMBER"), html, StringComparison.Ordinal);
        Assert.Contains(Say("en", "PresentWhy"), html, StringComparison.Ordinal);
        Assert.Contains("<code>[domain-name:value = 'plain.example']</code>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lower-markings\"", html, StringComparison.Ordinal);
        var pending = System.Text.RegularExpressions.Regex.Match(html, "name=\"pending\" value=\"([0-9a-f]+)\"").Groups[1].Value;

        var (refused, refusedHtml) = await pages.PostAsync($"/indicators/{id}/import", "confirm", [("pending", pending)]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("id=\"lower-markings-error\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(Say("en", "MustLower", "AMBER"), refusedHtml, StringComparison.Ordinal);
        var (noReason, noReasonHtml) = await pages.PostAsync($"/indicators/{id}/import", "confirm", [("pending", pending), ("lower_markings", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("id=\"reason-error\"", noReasonHtml, StringComparison.Ordinal);
        Assert.Single((await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray());

        var (confirmed, _) = await pages.PostAsync($"/indicators/{id}/import", "confirm", [("pending", pending), ("lower_markings", "true"), ("reason", "The domain is public knowledge.")]);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal($"/indicators/{id}/edit?done=imported&added=2&present=1", confirmed.Headers.Location!.OriginalString);
        var indicators = (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray();
        Assert.Equal(3, indicators.Count);
        Assert.All(indicators, i => Assert.Equal("AMBER", i!["tlp"]!.GetValue<string>()));
        Assert.Equal(["collection-created", "collection-indicators-added", "collection-bundle-imported", "indicator-markings-lowered"], await EventKindsAsync(analyst.Client, id));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_bad_bundle_is_refused_with_each_error_named_and_nothing_written(string language)
    {
        var (analyst, pages) = await AnalystAsync();
        var id = await analyst.Client.CreateCollectionAsync("GREEN");
        var bad = Bundle(Indicator("[domain-name:valeu = 'x.example'", null), Indicator("[domain-name:value = 'fine.example']", "marking-definition--00000000-0000-4000-8000-000000000000"));

        var (refused, html) = await pages.PostFilesAsync($"/indicators/{id}/import", "preview", [("bundle_text", bad)], [], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"bundle-text-error\"", html, StringComparison.Ordinal);
        Assert.Contains("/objects/0/pattern: " + Say(language, "NotAPattern", "")[..8], html, StringComparison.Ordinal);
        Assert.Contains("/objects/1/object_marking_refs/0: ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"pending\"", html, StringComparison.Ordinal);
        var (notJson, notJsonHtml) = await pages.PostFilesAsync($"/indicators/{id}/import", "preview", [], [("bundle_file", "x.json", Encoding.UTF8.GetBytes("{\"type\": \"bundle\","))], language);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("id=\"bundle-file-error\"", notJsonHtml, StringComparison.Ordinal);
        var (nothing, nothingHtml) = await pages.PostFilesAsync($"/indicators/{id}/import", "preview", [], [], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains(Say(language, "NoBundle"), nothingHtml, StringComparison.Ordinal);
        Assert.Empty((await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray());
        Assert.Equal(["collection-created"], await EventKindsAsync(analyst.Client, id));
    }

    [Fact]
    public async Task An_indicator_is_released_with_a_reason_and_removed_each_on_the_record()
    {
        var (analyst, pages) = await AnalystAsync();
        var id = await analyst.Client.CreateCollectionAsync("AMBER");
        await analyst.Client.AddPatternsAsync(id, "[domain-name:value = 'public-knowledge.example']", "[domain-name:value = 'to-remove.example']");
        var listed = (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray();
        string IdOf(string domain) => listed.Single(i => i!["pattern"]!.GetValue<string>().Contains(domain, StringComparison.Ordinal))!["id"]!.GetValue<string>();
        var released = IdOf("public-knowledge.example");
        var path = $"/indicators/{id}/indicators/{released}";

        var (page, html) = await pages.GetAsync(path, "hi");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<dd><span class=\"tlp\">TLP:AMBER</span></dd>", html, StringComparison.Ordinal);
        var (refused, refusedHtml) = await pages.PostAsync(path, "release", [("tlp", "GREEN")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"release-reason-error\"", refusedHtml, StringComparison.Ordinal);
        var (wider, widerHtml) = await pages.PostAsync(path, "release", [("tlp", "RED"), ("reason", "no")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wider.StatusCode);
        Assert.Contains(Say("en", "ReleaseNotLower", "AMBER"), widerHtml, StringComparison.Ordinal);

        var (done, _) = await pages.PostAsync(path, "release", [("tlp", "GREEN"), ("reason", "The domain is public knowledge.")]);
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        var after = (await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == released)!;
        Assert.Equal(("GREEN", "GREEN", "AMBER"), (after["tlp"]!.GetValue<string>(), after["released_tlp"]!.GetValue<string>(), after["marking"]!.GetValue<string>()));

        var (removed, _) = await pages.PostAsync($"/indicators/{id}/indicators/{IdOf("to-remove.example")}", "remove", []);
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.Equal($"/indicators/{id}/edit?done=removed", removed.Headers.Location!.OriginalString);
        Assert.Single((await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray());
        Assert.Equal(["collection-created", "collection-indicators-added", "collection-indicator-released", "collection-indicator-removed"], await EventKindsAsync(analyst.Client, id));
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/indicators/{id}/indicators/{IdOf("to-remove.example")}")).Response.StatusCode);
    }

    [Fact]
    public async Task Only_an_analyst_gets_the_pages_and_their_links_and_a_reporters_post_writes_nothing()
    {
        var (analyst, analystPages) = await AnalystAsync();
        var id = await analyst.Client.CreateCollectionAsync("CLEAR");
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var reporterPages = await PageReader.SignInAsync(factory, reporter.Token);

        foreach (var path in new[] { "/indicators/new", $"/indicators/{id}/edit", $"/indicators/{id}/import" })
        {
            var (response, html) = await reporterPages.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<form method=\"post\"", html, StringComparison.Ordinal);
        }
        var (posted, _) = await reporterPages.PostAsync($"/indicators/{id}/edit", "patterns", [("patterns", "[domain-name:value = 'reporter.example']")]);
        Assert.NotEqual(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Empty((await analyst.Client.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray());

        Assert.DoesNotContain("href=\"/indicators/new\"", (await reporterPages.GetAsync("/indicators")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/indicators/{id}/edit\"", (await reporterPages.GetAsync($"/indicators/{id}")).Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/indicators/new\"", (await analystPages.GetAsync("/indicators")).Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/indicators/{id}/edit\"", (await analystPages.GetAsync($"/indicators/{id}")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await analystPages.GetAsync("/indicators/no-such-collection/edit")).Response.StatusCode);
    }

    private static string Bundle(params string[] indicators) =>
        $$"""{"type": "bundle", "id": "bundle--{{Guid.NewGuid()}}", "objects": [{{string.Join(", ", indicators)}}]}""";

    private static string Indicator(string pattern, string? marking) => new JsonObject
    {
        ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = $"indicator--{Guid.NewGuid()}",
        ["created"] = "2024-01-26T21:28:21.013Z", ["modified"] = "2024-01-26T21:28:21.013Z",
        ["pattern"] = pattern, ["pattern_type"] = "stix", ["valid_from"] = "2024-01-26T21:28:21.013Z",
        ["object_marking_refs"] = marking is null ? null : new JsonArray(marking),
    }.ToJsonString().Replace(",\"object_marking_refs\":null", "", StringComparison.Ordinal);
}
