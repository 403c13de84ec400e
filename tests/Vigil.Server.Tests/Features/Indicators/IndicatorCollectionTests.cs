using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Indicators.Artefacts;
using Vigil.Indicators.Matching;
using Vigil.Indicators.Stix;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.Indicators.CollectionApi;

namespace Vigil.Server.Tests.Features.Indicators;

public sealed class IndicatorCollectionOnSqliteTests(VigilFactory factory) : IndicatorCollectionTests<VigilFactory>(factory);

public sealed class IndicatorCollectionOnPostgresTests(PostgresVigilFactory factory) : IndicatorCollectionTests<PostgresVigilFactory>(factory);

public abstract class IndicatorCollectionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    // Loading the OASIS schemas takes seconds: once per test class.
    private static readonly Lazy<StixSchemaValidator> Schemas =
        new(() => StixSchemaValidator.Load(RepositoryPaths.File("..", "shared", "data", "stix", "schemas")));

    [Fact]
    public async Task The_pegasus_set_imports_whole_and_a_second_import_adds_nothing()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var id = await analyst.CreateCollectionAsync("CLEAR", extra: "\"description\": \"Amnesty's Pegasus indicators\"");
        var bundle = await File.ReadAllTextAsync(PegasusBundle);

        var first = await analyst.PostJsonAsync($"{Root}/{id}/bundles", bundle);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var added = await first.JsonAsync();
        Assert.Equal(1_549, added["added"]!.GetValue<int>());
        Assert.Equal(["Pegasus"], added["collection"]!["malware"]!.AsArray().Select(m => m!.GetValue<string>()));

        var again = await (await analyst.PostJsonAsync($"{Root}/{id}/bundles", bundle)).JsonAsync();
        Assert.Equal(0, again["added"]!.GetValue<int>());
        Assert.Equal(1_549, again["already_present"]!.GetValue<int>());
        Assert.Equal(1_549, again["collection"]!["indicators"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_invalid_bundle_is_refused_whole_with_each_problem_named()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var id = await analyst.CreateCollectionAsync("GREEN");
        const string Bundle = """
            {"type": "bundle", "id": "bundle--not-a-uuid", "objects": [
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
               "created": "2019-05-13T00:00:00Z", "modified": "2019-05-13T00:00:00Z", "valid_from": "2019-05-13T00:00:00Z",
               "pattern_type": "stix", "pattern": "[domain-name:value = 'ok.example']"},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
               "created": "yesterday", "modified": "2019-05-13T00:00:00Z", "valid_from": "2019-05-13T00:00:00Z",
               "pattern_type": "stix", "pattern": "[domain-name:value = 'broken.example'"},
              {"type": "malware", "spec_version": "2.0", "id": "indicator--8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
               "created": "2019-05-13T00:00:00Z", "modified": "2019-05-13T00:00:00Z", "name": "X", "is_family": true}
            ]}
            """;

        var response = await analyst.PostJsonAsync($"{Root}/{id}/bundles", Bundle);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["/id", "/objects/1/created", "/objects/1/pattern", "/objects/2/id", "/objects/2/spec_version"],
            (await response.ProblemPointersAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await analyst.GetNodeAsync($"{Root}/{id}"))["collection"]!["indicators"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PostJsonAsync($"{Root}/{id}/bundles", "{\"type\": ")).StatusCode);
        var notBundle = await analyst.PostJsonAsync($"{Root}/{id}/bundles", "[]");
        Assert.Equal([""], await notBundle.ProblemPointersAsync());
    }

    [Fact]
    public async Task An_incidents_indicators_feed_a_collection_once_each_as_stix_patterns()
    {
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var incident = await reporter.FileAsync(ReportWithIndicators("GREEN"));
        var id = await analyst.CreateCollectionAsync("GREEN", extra: "\"malware\": [\"Predator\"]");

        var first = await analyst.PostJsonAsync($"{Root}/{id}/incident-indicators", $$"""{"incident_id": "{{incident}}"}""");
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(12, (await first.JsonAsync())["added"]!.GetValue<int>());
        var second = await (await analyst.PostJsonAsync($"{Root}/{id}/incident-indicators", $$"""{"incident_id": "{{incident}}"}""")).JsonAsync();
        Assert.Equal(0, second["added"]!.GetValue<int>());
        Assert.Equal(12, second["already_present"]!.GetValue<int>());

        var detail = await analyst.GetNodeAsync($"{Root}/{id}");
        Assert.Equal([incident], detail["collection"]!["incident_ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        var patterns = detail["indicators"]!.AsArray().Select(i => i!["pattern"]!.GetValue<string>()).ToList();
        Assert.Contains("[domain-name:value = 'wha.tsapp.me']", patterns);
        Assert.Contains("[file:hashes.'SHA-256' = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']", patterns);
        Assert.Contains("[x-app:id = 'com.evil.spy']", patterns);
        Assert.All(detail["indicators"]!.AsArray(), i => Assert.Equal(incident, i!["source_incident_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Nothing_from_an_incident_reaches_a_wider_audience_than_its_label()
    {
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        // AMBER+STRICT: the CERT reads it, but may not pass it on to the community.
        var strict = await reporter.FileAsync(ReportWithIndicators("AMBER+STRICT"));
        var green = await reporter.FileAsync(ReportWithIndicators("GREEN"));
        var collection = await analyst.CreateCollectionAsync("GREEN");

        var refused = await analyst.PostJsonAsync($"{Root}/{collection}/incident-indicators", $$"""{"incident_id": "{{strict}}"}""");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["/incident_id"], await refused.ProblemPointersAsync());

        await analyst.PostJsonAsync($"{Root}/{collection}/incident-indicators", $$"""{"incident_id": "{{green}}"}""");
        var widened = await analyst.PatchAsync($"{Root}/{collection}", new StringContent("""{"tlp": "CLEAR"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, widened.StatusCode);
        Assert.Equal(["/tlp"], await widened.ProblemPointersAsync());
        var narrowed = await analyst.PatchAsync($"{Root}/{collection}", new StringContent("""{"tlp": "AMBER", "description": "narrowed"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        Assert.Equal("AMBER", (await narrowed.JsonAsync())["tlp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_audience_sees_and_downloads_only_what_its_label_allows()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var oversight = (await factory.CreateActorAsync(Roles.Oversight)).Client;
        var anonymous = factory.CreateClient();
        var ids = new Dictionary<string, string>();
        foreach (var tlp in new[] { "CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED" })
        {
            ids[tlp] = await analyst.CreateCollectionAsync(tlp);
            await analyst.AddPatternsAsync(ids[tlp], "[domain-name:value = 'evil.example']");
        }

        async Task<HashSet<string>> Visible(HttpClient client) =>
            [.. ids.Where(pair => (client.GetAsync($"{Root}/{pair.Value}/stix").Result).StatusCode == HttpStatusCode.OK).Select(pair => pair.Key)
                .Intersect((await client.GetNodeAsync(Root)).AsArray().Select(c => c!["tlp"]!.GetValue<string>()))];

        Assert.Equal(["CLEAR"], await Visible(anonymous));
        // Oversight is signed in, so it is part of the community GREEN is meant for (TLP 2.0).
        Assert.Equal(["CLEAR", "GREEN"], (await Visible(oversight)).Order());
        Assert.Equal(["CLEAR", "GREEN"], (await Visible(reporter)).Order());
        Assert.Equal(ids.Keys.Order(), (await Visible(analyst)).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"{Root}/{ids["AMBER"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Root}/{ids["GREEN"]}/stix")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync(Root, """{"name": "x", "tlp": "CLEAR"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostJsonAsync(Root, """{"name": "x", "tlp": "CLEAR"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostJsonAsync($"{Root}/{ids["CLEAR"]}/bundles", "{}")).StatusCode);
    }

    [Fact]
    public async Task An_export_is_schema_valid_stix_signed_by_the_cert_marked_and_finds_what_it_lists()
    {
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var incident = await reporter.FileAsync(ReportWithIndicators("AMBER"));
        var id = await analyst.CreateCollectionAsync("AMBER", extra: "\"malware\": [\"Predator\", \"Pegasus\"]");
        await analyst.PostJsonAsync($"{Root}/{id}/incident-indicators", $$"""{"incident_id": "{{incident}}"}""");

        var response = await analyst.GetAsync($"{Root}/{id}/stix");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/stix+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        using (var document = JsonDocument.Parse(json)) { Assert.Empty(Schemas.Value.Validate(document.RootElement)); }

        var objects = JsonNode.Parse(json)!["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var identity = Assert.Single(objects, o => o["type"]!.GetValue<string>() == "identity");
        Assert.Equal("National CERT", identity["name"]!.GetValue<string>());
        var marking = Assert.Single(objects, o => o["type"]!.GetValue<string>() == "marking-definition");
        Assert.Equal("TLP:AMBER", marking["name"]!.GetValue<string>());
        var shared = objects.Where(o => o["type"]!.GetValue<string>() is "indicator" or "malware" or "relationship" or "report").ToList();
        Assert.Equal(12 + 2 + 24 + 1, shared.Count);
        Assert.All(shared, o =>
        {
            Assert.Equal(identity["id"]!.GetValue<string>(), o["created_by_ref"]!.GetValue<string>());
            Assert.Equal([marking["id"]!.GetValue<string>()], o["object_marking_refs"]!.AsArray().Select(m => m!.GetValue<string>()));
        });
        // Exporting again names the derived objects the same.
        var again = JsonNode.Parse(await analyst.GetStringAsync($"{Root}/{id}/stix"))!["objects"]!.AsArray().Select(o => o!["id"]!.GetValue<string>());
        Assert.Equal(objects.Select(o => o["id"]!.GetValue<string>()), again);

        // What the CERT shares, the public scanner reads: a hit names the collection's malware.
        var catalog = IndicatorCatalog.FromBundles([StixBundleReader.Parse(json)]);
        Assert.Empty(catalog.Unsupported);
        using var log = new MemoryStream("connect https://x.wha.tsapp.me:443/ by bh\n"u8.ToArray());
        var hits = new List<IndicatorHit>();
        new ArtefactScanner(catalog).Scan(log, "device.log", hits.Add);
        Assert.Equal(["Predator", "Pegasus"], hits.First().Indicator.Collections.Where(c => c.Type == "malware").Select(c => c.Name));
        Assert.Contains(hits, h => h.Indicator.Collections.Any(c => c.Type == "report"));
    }

    [Fact]
    public async Task Bad_fields_are_named_by_pointer_and_a_retry_with_the_same_key_creates_once()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var bad = await analyst.PostJsonAsync(Root, """{"name": "", "tlp": "PURPLE", "malware": [3], "incident_ids": ["nope"], "colour": "red"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["/colour", "/incident_ids/0", "/malware/0", "/name", "/tlp"], (await bad.ProblemPointersAsync()).Order(StringComparer.Ordinal));

        var body = $$"""{"name": "Retried {{Guid.NewGuid():N}}", "tlp": "GREEN"}""";
        var once = await analyst.PostJsonAsync(Root, body, "create-collection-1");
        var twice = await analyst.PostJsonAsync(Root, body, "create-collection-1");
        Assert.Equal(HttpStatusCode.Created, once.StatusCode);
        Assert.Equal((await once.JsonAsync())["id"]!.GetValue<string>(), (await twice.JsonAsync())["id"]!.GetValue<string>());
        var duplicate = await analyst.PostJsonAsync(Root, body);
        Assert.Equal(["/name"], await duplicate.ProblemPointersAsync());

        var id = await analyst.CreateCollectionAsync("GREEN");
        var badPattern = await analyst.PostJsonAsync($"{Root}/{id}/indicators", """{"indicators": [{"pattern": "[x"}, {"name": "no pattern"}]}""");
        Assert.Equal(["/indicators/0/pattern", "/indicators/1/pattern"], (await badPattern.ProblemPointersAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_analyst_takes_an_indicator_out()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var id = await analyst.CreateCollectionAsync("GREEN");
        await analyst.AddPatternsAsync(id, "[domain-name:value = 'a.example']", "[domain-name:value = 'b.example']");
        var first = (await analyst.GetNodeAsync($"{Root}/{id}"))["indicators"]![0]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"{Root}/{id}/indicators/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync($"{Root}/{id}/indicators/{first}")).StatusCode);
        var left = (await analyst.GetNodeAsync($"{Root}/{id}"))["indicators"]!.AsArray();
        Assert.Equal("[domain-name:value = 'b.example']", Assert.Single(left)!["pattern"]!.GetValue<string>());
    }
}
