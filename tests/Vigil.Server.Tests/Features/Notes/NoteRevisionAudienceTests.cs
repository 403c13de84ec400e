using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Csaf;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

public sealed class NoteRevisionAudienceOnSqliteTests(VigilFactory factory) : NoteRevisionAudienceTests<VigilFactory>(factory);

public sealed class NoteRevisionAudienceOnPostgresTests(PostgresVigilFactory factory) : NoteRevisionAudienceTests<PostgresVigilFactory>(factory);

/// <summary>
/// Issue 11, "old revisions leak after a label is widened": a note published AMBER and revised to CLEAR with the
/// sensitive text removed. Each revision keeps the label it was published under; a reader outside a revision's
/// audience gets 404 for it, a placeholder in the history and on the page, and the CLEAR CSAF document carries only
/// CLEAR-safe text. Also "small leaks": only CERT staff see who recorded a revision (actor_id).
/// </summary>
public abstract class NoteRevisionAudienceTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private const string Secret = "Meridian Cooperative Bank";

    private async Task<(Actor Author, string Id)> PublishAmberThenClearAsync()
    {
        var author = await factory.CreateActorAsync(Roles.Analyst);
        var amber = NoteSamples.Minimal("Router firmware command injection", tlp: "AMBER");
        amber["description"] = $"Found on the core routers of {Secret}; the diagnostics page passes the host name to a shell.";
        var id = await author.Client.CreateNoteAsync(amber);
        await author.Client.PublishNoteAsync(id, $"Initial release to {Secret} and the vendor.");
        var clear = NoteSamples.Minimal("Router firmware command injection", tlp: "CLEAR");
        await author.Client.ReviseNoteAsync(id, clear, "Released to the public; the affected organisation's details removed.");
        return (author, id);
    }

    [Fact]
    public async Task An_AMBER_revision_of_a_note_now_CLEAR_is_withheld_from_the_public_and_from_reporters()
    {
        var (_, id) = await PublishAmberThenClearAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);

        foreach (var client in new[] { factory.CreateClient(), reporter.Client })
        {
            var note = await client.GetStringAsync($"/api/v1/notes/{id}");
            Assert.DoesNotContain(Secret, note, StringComparison.Ordinal);

            var historyJson = await client.GetStringAsync($"/api/v1/notes/{id}/history");
            Assert.DoesNotContain(Secret, historyJson, StringComparison.Ordinal);
            var history = JsonNode.Parse(historyJson)!["revisions"]!.AsArray();
            Assert.Equal(2, history.Count);
            var withheld = history[0]!.AsObject();
            // A placeholder: its number, version, date and label, and nothing of what it said or who recorded it.
            Assert.Equal(["received_at", "revision", "tlp", "version", "withheld"], withheld.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal((1, "1.0.0", "AMBER", true),
                (withheld["revision"]!.GetValue<int>(), withheld["version"]!.GetValue<string>(), withheld["tlp"]!.GetValue<string>(), withheld["withheld"]!.GetValue<bool>()));
            var shown = history[1]!.AsObject();
            Assert.Equal((2, "1.1.0", "CLEAR", false),
                (shown["revision"]!.GetValue<int>(), shown["version"]!.GetValue<string>(), shown["tlp"]!.GetValue<string>(), shown["withheld"]!.GetValue<bool>()));
            Assert.Equal("Released to the public; the affected organisation's details removed.", shown["summary"]!.GetValue<string>());
            Assert.False(shown.ContainsKey("actor_id"), "only CERT staff see who recorded a revision");

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/notes/{id}/revisions/1")).StatusCode);
            var revision = await client.GetNodeAsync($"/api/v1/notes/{id}/revisions/2");
            Assert.False(revision.AsObject().ContainsKey("actor_id"));
            Assert.DoesNotContain(Secret, revision.ToJsonString(), StringComparison.Ordinal);

            var page = await client.GetStringAsync($"/notes/{id}");
            Assert.DoesNotContain(Secret, page, StringComparison.Ordinal);
            Assert.Contains("Withheld (TLP:AMBER)", page, StringComparison.Ordinal);
            // On the page each revision keeps its own label; the withheld one shows no summary and no log entry.
            Assert.Matches("<tr class=\"withheld\">\\s*<th scope=\"row\">1.0.0</th>\\s*<td>[\\s\\S]*?</td>\\s*<td><span class=\"tlp\">TLP:AMBER</span></td>\\s*"
                + "<td><em>Withheld \\(TLP:AMBER\\)</em></td>\\s*<td></td>", page);
            Assert.Matches("<th scope=\"row\">1.1.0</th>\\s*<td>[\\s\\S]*?</td>\\s*<td><span class=\"tlp\">TLP:CLEAR</span></td>", page);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "href=\"/log/entries/"));
        }
    }

    [Fact]
    public async Task CERT_staff_read_every_revision_with_its_author()
    {
        var (author, id) = await PublishAmberThenClearAsync();
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var history = (await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}/history"))["revisions"]!.AsArray();
        Assert.All(history, r => Assert.False(r!["withheld"]!.GetValue<bool>()));
        Assert.Equal(["AMBER", "CLEAR"], history.Select(r => r!["tlp"]!.GetValue<string>()));
        Assert.Equal($"Initial release to {Secret} and the vendor.", history[0]!["summary"]!.GetValue<string>());
        Assert.All(history, r => Assert.Equal(author.UserId, r!["actor_id"]!.GetValue<string>()));
        var first = await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}/revisions/1");
        Assert.Contains(Secret, first["note"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var page = await analyst.Client.GetStringAsync($"/notes/{id}");
        Assert.Contains(Secret, page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tlp\">TLP:AMBER</span></td>", page, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "href=\"/log/entries/").Count);
    }

    [Fact]
    public async Task The_CLEAR_CSAF_document_carries_no_AMBER_text_and_passes_the_official_validator()
    {
        var (_, id) = await PublishAmberThenClearAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var path = new Uri((await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;
        Assert.StartsWith("/.well-known/csaf/white/", path, StringComparison.Ordinal);

        // One document for everyone: the label travels with it, whoever fetches it.
        var anonymousBytes = await factory.CreateClient().GetByteArrayAsync(path);
        Assert.Equal(anonymousBytes, await reporter.Client.GetByteArrayAsync(path));
        Assert.Equal(anonymousBytes, await analyst.Client.GetByteArrayAsync(path));
        var text = System.Text.Encoding.UTF8.GetString(anonymousBytes);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);

        var document = JsonNode.Parse(text)!;
        var history = document["document"]!["tracking"]!["revision_history"]!.AsArray();
        Assert.Equal(["1.0.0", "1.1.0"], history.Select(r => r!["number"]!.GetValue<string>()));
        Assert.Equal("Withheld: this revision was published under TLP:AMBER.", history[0]!["summary"]!.GetValue<string>());
        Assert.Equal("Released to the public; the affected organisation's details removed.", history[1]!["summary"]!.GetValue<string>());
        Assert.Equal("1.1.0", document["document"]!["tracking"]!["version"]!.GetValue<string>());

        var result = Assert.Single(await OfficialCsafValidator.ValidateAsync([document]));
        Assert.True(result.IsValid && result.Failures.Count == 0, string.Join("; ", result.Failures));
    }
}
