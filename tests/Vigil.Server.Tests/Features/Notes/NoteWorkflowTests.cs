using System.Net;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Tests.Features.Notes;

public sealed class NoteWorkflowOnSqliteTests(VigilFactory factory) : NoteWorkflowTests<VigilFactory>(factory);

public sealed class NoteWorkflowOnPostgresTests(PostgresVigilFactory factory) : NoteWorkflowTests<PostgresVigilFactory>(factory);

/// <summary>Draft, publication, revisions and withdrawal through the API, each on the record with its leaf.</summary>
public abstract class NoteWorkflowTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task The_2019_note_scores_9_8_and_lists_six_products_with_their_fixed_versions()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568());
        Assert.Matches(@"^VIGN-2026-\d{4}$", id);

        var note = await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}");
        Assert.Equal("draft", note["status"]!.GetValue<string>());
        var score = Assert.Single(note["scores"]!.AsArray());
        Assert.Equal(9.8, score!["score"]!.GetValue<double>());
        Assert.Equal("CRITICAL", score["severity"]!.GetValue<string>());
        var products = note["note"]!["products"]!.AsArray();
        Assert.Equal(6, products.Count);
        Assert.Equal(["2.19.134", "2.19.44", "2.19.51", "2.19.51", "2.18.348", "2.18.15"], products.Select(p => p!["fixed"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_draft_is_for_staff_only_until_published_then_the_public_reads_it()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var anonymous = factory.CreateClient();
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/notes/{id}")).StatusCode);

        var published = await analyst.Client.PublishNoteAsync(id);
        Assert.Equal("1.0.0", published["note"]!["version"]!.GetValue<string>());
        Assert.Equal("note-publication", published["revision"]!["kind"]!.GetValue<string>());
        Assert.Equal("Initial release.", published["revision"]!["summary"]!.GetValue<string>());
        Assert.Equal("vigil-note-receipt/v1", published["receipt"]!["format"]!.GetValue<string>());
        Assert.StartsWith("c2sp.org/tlog-proof@v1", published["receipt"]!["proof"]!.GetValue<string>(), StringComparison.Ordinal);

        var read = await anonymous.GetNodeAsync($"/api/v1/notes/{id}");
        Assert.Equal("published", read["status"]!.GetValue<string>());
        Assert.EndsWith($"/.well-known/csaf/white/2026/{id.ToLowerInvariant()}.json", read["links"]!["csaf"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains((await anonymous.GetNodeAsync("/api/v1/notes")).AsArray(), n => n!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Revisions_follow_CSAF_versioning_and_a_withdrawn_note_stays_readable_with_its_history()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var anonymous = factory.CreateClient();
        var body = NoteSamples.Minimal("Revised and withdrawn");
        var id = await analyst.Client.CreateNoteAsync(body);
        await analyst.Client.PublishNoteAsync(id);
        body["workarounds"] = "Disable the diagnostics page.";
        Assert.Equal("1.1.0", (await analyst.Client.ReviseNoteAsync(id, body, "Added a workaround."))["note"]!["version"]!.GetValue<string>());
        Assert.Equal("1.1.1", (await analyst.Client.ReviseNoteAsync(id, body, "Typo.", "patch"))["note"]!["version"]!.GetValue<string>());
        var withdrawn = await analyst.Client.WithdrawNoteAsync(id, "The vendor showed the issue cannot be reached.");
        Assert.Equal("2.0.0", withdrawn["note"]!["version"]!.GetValue<string>());
        Assert.Equal("withdrawn", withdrawn["note"]!["status"]!.GetValue<string>());

        var note = await anonymous.GetNodeAsync($"/api/v1/notes/{id}");
        Assert.Equal("withdrawn", note["status"]!.GetValue<string>());
        Assert.Equal("Disable the diagnostics page.", note["note"]!["workarounds"]!.GetValue<string>());
        var history = (await anonymous.GetNodeAsync($"/api/v1/notes/{id}/history"))["revisions"]!.AsArray();
        Assert.Equal(["1.0.0", "1.1.0", "1.1.1", "2.0.0"], history.Select(r => r!["version"]!.GetValue<string>()));
        Assert.Equal(["note-publication", "note-revision", "note-revision", "note-withdrawal"], history.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal("Withdrawn: The vendor showed the issue cannot be reached.", history[3]!["summary"]!.GetValue<string>());
        Assert.Null(history[0]!["note"]!["workarounds"]);

        var leaf = history[3]!["leaf_index"]!.GetValue<long>();
        var entry = await anonymous.GetNodeAsync($"/ledger/entries/{leaf}");
        Assert.Equal("note-withdrawal", entry["kind"]!.GetValue<string>());
        var again = await analyst.Client.PostJsonAsync($"/api/v1/notes/{id}/revisions", $$"""{"summary": "more", "note": {{body.ToJsonString()}}}""");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Workflow_moves_out_of_order_are_409_and_write_nothing()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Out of order"));
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.Client.PostJsonAsync($"/api/v1/notes/{id}/withdrawal", """{"reason": "r"}""")).StatusCode);
        await analyst.Client.PublishNoteAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.Client.PostJsonAsync($"/api/v1/notes/{id}/publication", "{}")).StatusCode);
        var edit = await analyst.Client.PutAsync($"/api/v1/notes/{id}", NoteApi.Json(NoteSamples.Minimal("Edited after publication")));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var narrowed = await analyst.Client.PostJsonAsync($"/api/v1/notes/{id}/revisions",
            $$"""{"summary": "hide it", "note": {{NoteSamples.Minimal("Out of order", tlp: "RED").ToJsonString()}}}""");
        Assert.Equal(HttpStatusCode.Conflict, narrowed.StatusCode);
        Assert.Equal(["/note/tlp"], await narrowed.ProblemPointersAsync());
        var history = (await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}/history"))["revisions"]!.AsArray();
        Assert.Single(history);
    }

    [Fact]
    public async Task Readers_see_published_notes_by_TLP_and_never_drafts()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var anonymous = factory.CreateClient();
        var green = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Green note", tlp: "GREEN"));
        await analyst.Client.PublishNoteAsync(green);
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Amber note", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);

        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync($"/api/v1/notes/{green}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Client.GetAsync($"/api/v1/notes/{amber}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/notes/{green}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync($"/api/v1/notes/{amber}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.PostJsonAsync("/api/v1/notes", NoteSamples.Minimal().ToJsonString())).StatusCode);
    }

    /// <summary>Numbering counted only the notes the author could read, so a RED note another analyst is not named on was numbered twice (500).</summary>
    [Fact]
    public async Task A_RED_note_another_analyst_cannot_read_still_holds_its_number()
    {
        var first = await factory.CreateActorAsync(Roles.Analyst);
        var second = await factory.CreateActorAsync(Roles.Analyst);
        var red = await first.Client.CreateNoteAsync(NoteSamples.Minimal("Red draft", tlp: "RED"));

        var next = await second.Client.CreateNoteAsync(NoteSamples.Minimal("Next note"));

        Assert.True(string.CompareOrdinal(next, red) > 0, $"{next} after {red}");
    }

    [Fact]
    public async Task Note_leaves_pass_the_audit()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Audited"));
        await analyst.Client.PublishNoteAsync(id);
        await analyst.Client.WithdrawNoteAsync(id, "duplicate");
        await using var scope = factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAudit>().RunAsync(CancellationToken.None);
        Assert.True(report.Clean, string.Join("\n", report.Findings));
        Assert.True(report.NoteRevisions >= 2);
    }
}
