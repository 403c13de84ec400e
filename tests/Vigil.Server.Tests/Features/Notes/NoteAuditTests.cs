using Microsoft.Data.Sqlite;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>`vigil ledger audit` recomputes note leaves too: an edited note revision is caught and named.</summary>
public sealed class NoteAuditTests
{
    [Fact]
    public async Task An_edited_note_revision_is_found_and_an_untouched_one_passes()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-note-audit-").FullName;
        try
        {
            string id;
            using (var factory = new VigilFactory())
            {
                var analyst = await factory.CreateActorAsync(Roles.Analyst);
                var reporter = await factory.CreateActorAsync(Roles.Reporter);
                await reporter.Client.FileAsync(Api.Report());
                id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Audited note"));
                await analyst.Client.PublishNoteAsync(id);
                await analyst.Client.WithdrawNoteAsync(id, "duplicate of another note");
                factory.CopyDataTo(directory);
            }

            var clean = await CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={directory}");
            Assert.True(clean.ExitCode == ExitCodes.Ok, clean.ToString());
            Assert.Contains("3 leaves, 1 submissions, 2 note revisions", clean.Out, StringComparison.Ordinal);

            using (var db = new SqliteConnection($"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False"))
            {
                db.Open();
                db.Command("DROP TRIGGER note_revisions_refuse_update;").ExecuteNonQuery();
                db.Command("UPDATE note_revisions SET summary = 'Initial release, quietly reworded.' WHERE sequence = 1;").ExecuteNonQuery();
            }
            var audit = await CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={directory}");
            Assert.Equal(ExitCodes.Rejected, audit.ExitCode);
            Assert.Contains($"(note {id} revision #1): the stored revision no longer matches what was committed (altered)", audit.Out, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            Directory.Delete(directory + "-keys", recursive: true);
        }
    }
}
