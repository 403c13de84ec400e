using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Indicators.Stix;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.Indicators.CollectionApi;

namespace Vigil.Server.Tests.Features.Indicators;

public sealed class IndicatorLabelOnSqliteTests(VigilFactory factory) : IndicatorLabelTests<VigilFactory>(factory);

public sealed class IndicatorLabelOnPostgresTests(PostgresVigilFactory factory) : IndicatorLabelTests<PostgresVigilFactory>(factory);

/// <summary>Labels of the indicators in a collection: their own marking, their source's label and an analyst's release.</summary>
public abstract class IndicatorLabelTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private static readonly Lazy<StixSchemaValidator> Schemas =
        new(() => StixSchemaValidator.Load(RepositoryPaths.File("..", "shared", "data", "stix", "schemas")));

    private const string Tlp2Red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private const string Tlp1Amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    private const string OwnRed = "marking-definition--5d6c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";

    // Issue 11, "STIX import drops markings": a TLP:RED object landed in a CLEAR collection and was exported as CLEAR.
    [Fact]
    public async Task An_imported_object_keeps_its_marking_and_a_wider_collection_takes_it_only_when_an_analyst_lowers_it()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var clear = await analyst.CreateCollectionAsync("CLEAR");
        var bundle = MarkedBundle(out var ids);

        var refused = await analyst.PostJsonAsync($"{Root}/{clear}/bundles", bundle);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["/objects/0", "/objects/1", "/objects/3"], await refused.ProblemPointersAsync());
        Assert.Equal(0, (await analyst.GetNodeAsync($"{Root}/{clear}"))["collection"]!["indicators"]!.GetValue<int>());
        Assert.Equal(["reason"], await (await analyst.PostJsonAsync($"{Root}/{clear}/bundles?lower_markings=true", bundle)).ProblemPointersAsync());
        Assert.Equal(["lower_markings"], await (await analyst.PostJsonAsync($"{Root}/{clear}/bundles?lower_markings=maybe&reason=x", bundle)).ProblemPointersAsync());

        var lowered = await analyst.PostJsonAsync($"{Root}/{clear}/bundles?lower_markings=true&reason=Published%20by%20the%20vendor", bundle);
        Assert.True(lowered.StatusCode == HttpStatusCode.OK, await lowered.Content.ReadAsStringAsync());
        Assert.Equal(3, (await lowered.JsonAsync())["added"]!.GetValue<int>());
        var detail = await analyst.GetNodeAsync($"{Root}/{clear}");
        Assert.All(detail["indicators"]!.AsArray(), i => Assert.Equal("CLEAR", i!["tlp"]!.GetValue<string>()));
        var decision = Assert.Single(await EventsAsync(analyst, clear), e => e["kind"]!.GetValue<string>() == "indicator-markings-lowered");
        Assert.Equal("Published by the vendor", decision["details"]!["reason"]!.GetValue<string>());
        Assert.Equal(new[] { (ids[0], "RED"), (ids[1], "AMBER"), (ids[3], "RED") },
            decision["details"]!["objects"]!.AsArray().Select(o => (o!["id"]!.GetValue<string>(), o["marking"]!.GetValue<string>())));

        // Kept, not lowered: in a RED collection each indicator keeps its own marking; the unmarked one takes the collection's.
        var red = await analyst.CreateCollectionAsync("RED");
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostJsonAsync($"{Root}/{red}/bundles", bundle)).StatusCode);
        var kept = (await analyst.GetNodeAsync($"{Root}/{red}"))["indicators"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["marking"]!.GetValue<string>());
        Assert.Equal("RED", kept[ids[0]]);
        Assert.Equal("AMBER", kept[ids[1]]);
        Assert.Equal("RED", kept[ids[2]]);

        // An export never writes an object below the collection's label or its own: AMBER here, not the GREEN it came with.
        var amber = await analyst.CreateCollectionAsync("AMBER");
        var green = Bundle(Indicator("green.example", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"));
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostJsonAsync($"{Root}/{amber}/bundles", green)).StatusCode);
        var exported = await ExportAsync(analyst, amber);
        Assert.All(exported.Where(o => o["type"]!.GetValue<string>() == "indicator"),
            o => Assert.Equal(["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"], Refs(o)));
    }

    // Issue 11, "STIX import drops markings": a marking the import cannot make out must not count as no marking.
    [Fact]
    public async Task A_bundle_whose_markings_cannot_be_read_is_refused_whole()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var id = await analyst.CreateCollectionAsync("CLEAR");
        var elsewhere = "marking-definition--0f0e0d0c-0b0a-4909-8807-060504030201";
        var bundle = Bundle(
            Indicator("a.example", elsewhere),
            Indicator("b.example")[..^1] + $$""", "granular_markings": [{"selectors": ["pattern"]}] }""",
            Indicator("c.example")[..^1] + $$""", "object_marking_refs": "{{Tlp2Red}}" }""");

        var response = await analyst.PostJsonAsync($"{Root}/{id}/bundles", bundle);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["/objects/0/object_marking_refs/0", "/objects/1/granular_markings/0", "/objects/2/object_marking_refs"], await response.ProblemPointersAsync());
        Assert.Equal(0, (await analyst.GetNodeAsync($"{Root}/{id}"))["collection"]!["indicators"]!.GetValue<int>());
    }

    // Issue 11, small leaks: ids of incidents a reader may not know of are not shown with a collection it may read.
    [Fact]
    public async Task A_reader_sees_only_the_incident_ids_it_may_know_of()
    {
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var amber = await reporter.FileAsync(Api.Report(extra: "\"tlp\": \"AMBER\""));
        var id = await analyst.CreateCollectionAsync("CLEAR", extra: $$"""
            "incident_ids": ["{{amber}}"]
            """);

        var anonymous = await factory.CreateClient().GetNodeAsync($"{Root}/{id}");
        Assert.Empty(anonymous["collection"]!["incident_ids"]!.AsArray());
        Assert.Empty(Assert.Single((await factory.CreateClient().GetNodeAsync(Root)).AsArray(), c => c!["id"]!.GetValue<string>() == id)!["incident_ids"]!.AsArray());
        Assert.Equal(amber, Assert.Single((await reporter.GetNodeAsync($"{Root}/{id}"))["collection"]!["incident_ids"]!.AsArray())!.GetValue<string>());
        Assert.Equal(amber, Assert.Single((await analyst.GetNodeAsync($"{Root}/{id}"))["collection"]!["incident_ids"]!.AsArray())!.GetValue<string>());
    }

    // Issue 11, "Relabelling an incident does not reach what was derived from it".
    [Fact]
    public async Task Indicators_follow_their_incident_to_a_narrower_label_until_an_analyst_releases_them_on_the_record()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var otherMember = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var incident = await reporter.Client.FileAsync(ReportWithIndicators("GREEN"));
        var collection = await analyst.CreateCollectionAsync("GREEN", extra: "\"malware\": [\"Predator\"]");
        await analyst.PostJsonAsync($"{Root}/{collection}/incident-indicators", $$"""{"incident_id": "{{incident}}"}""");
        Assert.Equal(12, (await otherMember.GetNodeAsync($"{Root}/{collection}"))["indicators"]!.AsArray().Count);

        var raised = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{incident}/updates", """{"narrative": "Who was hit must not spread.", "tlp": "RED"}""");
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);

        Assert.Empty((await otherMember.GetNodeAsync($"{Root}/{collection}"))["indicators"]!.AsArray());
        Assert.DoesNotContain(await ExportAsync(otherMember, collection), o => o["type"]!.GetValue<string>() == "indicator");
        // The analyst who made the collection is named on it, so reads what is withheld, with each label.
        var detail = await analyst.GetNodeAsync($"{Root}/{collection}");
        Assert.Equal(12, detail["withheld"]!.GetValue<int>());
        Assert.All(detail["indicators"]!.AsArray(), i =>
        {
            Assert.Equal("GREEN", i!["marking"]!.GetValue<string>());
            Assert.Equal("RED", i["source_tlp"]!.GetValue<string>());
            Assert.Null(i["released_tlp"]);
            Assert.Equal("RED", i["tlp"]!.GetValue<string>());
        });
        var exported = await ExportAsync(analyst, collection);
        Assert.All(exported.Where(o => o["type"]!.GetValue<string>() is "indicator" or "relationship" or "report"), o => Assert.Equal([Tlp2Red], Refs(o)));
        Assert.Equal(["TLP:GREEN", "TLP:RED"], exported.Where(o => o["type"]!.GetValue<string>() == "marking-definition")
            .Select(o => o["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        var first = detail["indicators"]![0]!["id"]!.GetValue<string>();
        var release = $"{Root}/{collection}/indicators/{first}/release";
        Assert.Equal(["/reason"], await (await analyst.PostJsonAsync(release, """{"tlp": "GREEN"}""")).ProblemPointersAsync());
        var released = await analyst.PostJsonAsync(release, """{"tlp": "GREEN", "reason": "The domain is public in the vendor's advisory."}""");
        Assert.True(released.StatusCode == HttpStatusCode.OK, await released.Content.ReadAsStringAsync());
        var visible = Assert.Single((await otherMember.GetNodeAsync($"{Root}/{collection}"))["indicators"]!.AsArray());
        Assert.Equal(first, visible!["id"]!.GetValue<string>());
        Assert.Equal(11, (await analyst.GetNodeAsync($"{Root}/{collection}"))["withheld"]!.GetValue<int>());
        var decision = Assert.Single(await EventsAsync(analyst, collection), e => e["kind"]!.GetValue<string>() == "collection-indicator-released");
        Assert.Equal("GREEN", decision["details"]!["tlp"]!.GetValue<string>());
        Assert.Equal("RED", decision["details"]!["previous_tlp"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await otherMember.PostJsonAsync(release, """{"tlp": "CLEAR", "reason": "x"}""")).StatusCode);
    }

    // Issue 11, small leaks: "a RED collection holding only imported indicators can be relabelled CLEAR".
    [Fact]
    public async Task A_collection_is_never_relabelled_wider_than_any_indicator_it_holds_even_one_the_analyst_cannot_read()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var red = await analyst.CreateCollectionAsync("RED");
        await analyst.PostJsonAsync($"{Root}/{red}/bundles", Bundle(Indicator("imported.example")));
        var widened = await analyst.PatchAsync($"{Root}/{red}", Json("""{"tlp": "CLEAR"}"""));
        Assert.Equal(HttpStatusCode.Conflict, widened.StatusCode);
        Assert.Equal(["/tlp"], await widened.ProblemPointersAsync());
        Assert.Contains("RED", (await widened.JsonAsync())["errors"]![0]!["detail"]!.GetValue<string>());

        // Another analyst is not named on what the incident's new label withholds, and still may not widen past it.
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var otherAnalyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var incident = await reporter.FileAsync(ReportWithIndicators("GREEN"));
        var green = await analyst.CreateCollectionAsync("GREEN");
        await analyst.PostJsonAsync($"{Root}/{green}/incident-indicators", $$"""{"incident_id": "{{incident}}"}""");
        await reporter.PostJsonAsync($"/api/v1/incidents/{incident}/updates", """{"narrative": "Narrower.", "tlp": "RED"}""");
        Assert.Empty((await otherAnalyst.GetNodeAsync($"{Root}/{green}"))["indicators"]!.AsArray());
        var refused = await otherAnalyst.PatchAsync($"{Root}/{green}", Json("""{"tlp": "CLEAR"}"""));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("GREEN", (await analyst.GetNodeAsync($"{Root}/{green}"))["collection"]!["tlp"]!.GetValue<string>());
    }

    // Issue 11, "Admin acting as others leaves no trace": every administrative change to collections is on the record.
    [Fact]
    public async Task Every_change_to_a_collection_is_an_event_on_the_record()
    {
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var incident = await reporter.FileAsync(ReportWithIndicators("GREEN"));
        var id = await analyst.CreateCollectionAsync("GREEN");
        Assert.Equal(HttpStatusCode.OK, (await analyst.PatchAsync($"{Root}/{id}", Json("""{"tlp": "AMBER", "description": "narrowed"}"""))).StatusCode);
        await analyst.AddPatternsAsync(id, "[domain-name:value = 'a.example']");
        await analyst.PostJsonAsync($"{Root}/{id}/incident-indicators", $$"""{"incident_id": "{{incident}}"}""");
        var bundle = Bundle(Indicator("imported.example"));
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostJsonAsync($"{Root}/{id}/bundles", bundle)).StatusCode);

        var events = Enumerable.Reverse(await EventsAsync(analyst, id)).ToList();
        Assert.Equal(
            ["collection-created", "collection-updated", "collection-indicators-added", "collection-indicators-added", "collection-bundle-imported"],
            events.Select(e => e["kind"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal("collection", e["object_kind"]!.GetValue<string>()));
        var updated = events[1]["details"]!;
        Assert.Equal("GREEN", updated["tlp"]!["from"]!.GetValue<string>());
        Assert.Equal("AMBER", updated["tlp"]!["to"]!.GetValue<string>());
        Assert.Equal(incident, events[3]["details"]!["incident_id"]!.GetValue<string>());
        Assert.Equal(12, events[3]["details"]!["added"]!.GetValue<int>());
        Assert.Equal(JsonNode.Parse(bundle)!["id"]!.GetValue<string>(), events[4]["details"]!["bundle_id"]!.GetValue<string>());
        Assert.Equal(1, events[4]["details"]!["added"]!.GetValue<int>());

        var first = (await analyst.GetNodeAsync($"{Root}/{id}"))["indicators"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostJsonAsync($"{Root}/{id}/indicators/{first}/release", """{"tlp": "GREEN", "reason": "public"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"{Root}/{id}/indicators/{first}")).StatusCode);
        var latest = (await EventsAsync(analyst, id)).Take(2).Reverse().ToList();
        Assert.Equal(["collection-indicator-released", "collection-indicator-removed"], latest.Select(e => e["kind"]!.GetValue<string>()));
        Assert.All(latest, e => Assert.Equal(first, e["details"]!["indicator_id"]!.GetValue<string>()));
    }

    /// <summary>The collection's events, newest first.</summary>
    private static async Task<List<JsonNode>> EventsAsync(HttpClient analyst, string collection) =>
        [.. (await analyst.GetNodeAsync($"/api/v1/events?object_kind=collection&object_id={collection}")).AsArray().Select(e => e!)];

    private static async Task<List<JsonObject>> ExportAsync(HttpClient client, string collection)
    {
        var json = await client.GetStringAsync($"{Root}/{collection}/stix");
        using (var document = JsonDocument.Parse(json)) { Assert.Empty(Schemas.Value.Validate(document.RootElement)); }
        return [.. JsonNode.Parse(json)!["objects"]!.AsArray().Select(o => o!.AsObject())];
    }

    private static string[] Refs(JsonObject o) => [.. o["object_marking_refs"]!.AsArray().Select(m => m!.GetValue<string>())];

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Indicators marked TLP 2.0 RED, TLP 1.0 AMBER and not at all; a malware marked by a definition of its own.</summary>
    private static string MarkedBundle(out string[] ids)
    {
        string[] objects =
        [
            Indicator("red.example", Tlp2Red), Indicator("amber.example", Tlp1Amber), Indicator("unmarked.example"),
            $$"""
            {"type": "malware", "spec_version": "2.1", "id": "malware--{{Guid.NewGuid():D}}", "created": "2019-05-13T00:00:00.000Z",
             "modified": "2019-05-13T00:00:00.000Z", "name": "Quiet", "is_family": true, "object_marking_refs": ["{{OwnRed}}"]}
            """,
            $$"""
            {"type": "marking-definition", "spec_version": "2.1", "id": "{{OwnRed}}", "created": "2019-05-13T00:00:00.000Z",
             "definition_type": "tlp", "definition": {"tlp": "red"} }
            """,
        ];
        ids = [.. objects.Select(o => JsonNode.Parse(o)!["id"]!.GetValue<string>())];
        return Bundle(objects);
    }

    private static string Bundle(params string[] objects) =>
        $$"""{"type": "bundle", "id": "bundle--{{Guid.NewGuid():D}}", "objects": [{{string.Join(", ", objects)}}]}""";

    private static string Indicator(string domain, params string[] markings) => $$"""
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--{{Guid.NewGuid():D}}", "created": "2019-05-13T00:00:00.000Z",
         "modified": "2019-05-13T00:00:00.000Z", "valid_from": "2019-05-13T00:00:00.000Z", "pattern_type": "stix",
         "pattern": "[domain-name:value = '{{domain}}']"{{(markings.Length == 0 ? "" : ", \"object_marking_refs\": [" + string.Join(", ", markings.Select(m => $"\"{m}\"")) + "]")}} }
        """;
}
