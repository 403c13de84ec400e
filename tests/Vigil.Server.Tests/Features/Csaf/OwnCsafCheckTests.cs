using Vigil.Csaf.Validation;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>The CSAF documents Vigil publishes pass Vigil's own checker (Vigil.Csaf) as they pass the official one.</summary>
public sealed class OwnCsafCheckTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task The_2019_note_and_varied_notes_with_revisions_and_withdrawals_pass_vigils_own_checker()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var failures = new List<string>();
        foreach (var (id, path) in await PublishedNoteSet.PublishAsync(analyst.Client, count: 20, seed: 2026))
        {
            var report = CsafValidator.Validate(await analyst.Client.GetByteArrayAsync(path));
            failures.AddRange(report.Findings.Select(f => $"{id}: {f}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
