using Vigil.Csaf.Validation;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>The CSAF documents Vigil publishes pass Vigil's own checker (Vigil.Csaf) as they pass the official one.</summary>
public sealed class OwnCsafCheckTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task The_2019_note_and_varied_notes_with_revisions_and_withdrawals_pass_vigils_own_checker()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var ids = new List<string> { await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568()) };
        await analyst.Client.PublishNoteAsync(ids[0]);
        var generator = new VariedNotes(seed: 2026);
        for (var n = 0; n < 20; n++)
        {
            var note = generator.Next(n);
            var id = await analyst.Client.CreateNoteAsync(note);
            ids.Add(id);
            await analyst.Client.PublishNoteAsync(id);
            if (n % 3 == 0)
            {
                note["countermeasures"] = "Update to the fixed version; the vendor has also published a hotfix.";
                await analyst.Client.ReviseNoteAsync(id, note, "Mentioned the hotfix.", n % 2 == 0 ? "minor" : "patch");
            }
            if (n % 5 == 0)
            {
                await analyst.Client.WithdrawNoteAsync(id, "The vendor could not reproduce the issue.");
            }
        }

        var failures = new List<string>();
        foreach (var id in ids)
        {
            var csafUrl = (await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>();
            var bytes = await analyst.Client.GetByteArrayAsync(new Uri(csafUrl).AbsolutePath);
            var report = CsafValidator.Validate(bytes);
            failures.AddRange(report.Findings.Select(f => $"{id}: {f}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
