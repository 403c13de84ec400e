using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

public sealed class NoteLinkAudienceOnSqliteTests(VigilFactory factory) : NoteLinkAudienceTests<VigilFactory>(factory);

public sealed class NoteLinkAudienceOnPostgresTests(PostgresVigilFactory factory) : NoteLinkAudienceTests<PostgresVigilFactory>(factory);

/// <summary>
/// Issue 11, "small leaks": a CLEAR note linking GREEN, AMBER and RED incidents and GREEN and AMBER collections shows
/// each reader only the ids of those it may read (time-ordered ids tell when reports arrived), in the note, its
/// history and each revision; its CSAF and OSV forms carry none of them.
/// </summary>
public abstract class NoteLinkAudienceTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Each_reader_sees_only_the_linked_incidents_and_collections_it_may_read()
    {
        var linker = await factory.CreateActorAsync(Roles.Analyst);
        var otherAnalyst = await factory.CreateActorAsync(Roles.Analyst);
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var green = await owner.Client.FileAsync(Api.Report(extra: "\"tlp\": \"GREEN\""));
        var amber = await owner.Client.FileAsync(Api.Report(extra: "\"tlp\": \"AMBER\""));
        var red = await owner.Client.FileAsync(Api.Report(extra: "\"tlp\": \"RED\""));
        await factory.NameAsync(AudienceFilters.Incident, red, linker.UserId);
        var greenCollection = await linker.Client.CreateCollectionAsync("GREEN");
        var amberCollection = await linker.Client.CreateCollectionAsync("AMBER");
        var body = NoteSamples.Minimal("Linked note");
        body["incident_ids"] = new JsonArray(green, amber, red);
        body["indicator_collection_ids"] = new JsonArray(greenCollection, amberCollection);
        var id = await linker.Client.CreateNoteAsync(body);
        await linker.Client.PublishNoteAsync(id);
        string[] all = [green, amber, red, greenCollection, amberCollection];

        var anonymous = factory.CreateClient();
        foreach (var path in new[] { $"/api/v1/notes/{id}", $"/api/v1/notes/{id}/history", $"/api/v1/notes/{id}/revisions/1", $"/notes/{id}" })
        {
            var answer = await anonymous.GetStringAsync(path);
            Assert.All(all, hidden => Assert.DoesNotContain(hidden, answer, StringComparison.Ordinal));
        }
        await AssertSeesAsync(stranger.Client, id, [green], [greenCollection]);
        await AssertSeesAsync(owner.Client, id, [green, amber, red], [greenCollection]);
        await AssertSeesAsync(otherAnalyst.Client, id, [green, amber], [greenCollection, amberCollection]);
        await AssertSeesAsync(linker.Client, id, [green, amber, red], [greenCollection, amberCollection]);

        // Exports carry no incident or collection id, even for someone who may read them all.
        var csaf = new Uri((await linker.Client.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;
        foreach (var path in new[] { csaf, $"/api/v1/notes/{id}/osv" })
        {
            var answer = await linker.Client.GetStringAsync(path);
            Assert.All(all, linked => Assert.DoesNotContain(linked, answer, StringComparison.Ordinal));
        }
    }

    private static async Task AssertSeesAsync(HttpClient client, string id, string[] incidents, string[] collections)
    {
        var history = (await client.GetNodeAsync($"/api/v1/notes/{id}/history"))["revisions"]!.AsArray();
        var contents = new[] { (await client.GetNodeAsync($"/api/v1/notes/{id}"))["note"]!, history[0]!["note"]!, (await client.GetNodeAsync($"/api/v1/notes/{id}/revisions/1"))["note"]! };
        foreach (var content in contents)
        {
            Assert.Equal(incidents, Ids(content, "incident_ids"));
            Assert.Equal(collections, Ids(content, "indicator_collection_ids"));
        }
    }

    private static string[] Ids(JsonNode content, string field) =>
        content[field] is JsonArray ids ? [.. ids.Select(i => i!.GetValue<string>())] : [];
}
