using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>
/// The 2019 note and <c>count</c> generated ones, published through the API: every third revised, every fifth
/// withdrawn. Returns each note's id with its CSAF document path.
/// </summary>
public static class PublishedNoteSet
{
    public static async Task<IReadOnlyList<(string Id, string CsafPath)>> PublishAsync(HttpClient analyst, int count, int seed)
    {
        var ids = new List<string> { await analyst.CreateNoteAsync(NoteSamples.Cve20193568()) };
        await analyst.PublishNoteAsync(ids[0]);
        var generator = new VariedNotes(seed);
        for (var n = 0; n < count; n++)
        {
            var note = generator.Next(n);
            var id = await analyst.CreateNoteAsync(note);
            ids.Add(id);
            await analyst.PublishNoteAsync(id);
            if (n % 3 == 0)
            {
                note["countermeasures"] = "Update to the fixed version; the vendor has also published a hotfix.";
                await analyst.ReviseNoteAsync(id, note, "Mentioned the hotfix.", n % 2 == 0 ? "minor" : "patch");
            }
            if (n % 5 == 0)
            {
                await analyst.WithdrawNoteAsync(id, "The vendor could not reproduce the issue.");
            }
        }
        var documents = new List<(string, string)>();
        foreach (var id in ids)
        {
            var csafUrl = (await analyst.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>();
            documents.Add((id, new Uri(csafUrl).AbsolutePath));
        }
        return documents;
    }
}
