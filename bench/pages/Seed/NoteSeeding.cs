using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>Analysts open, publish and revise notes: most TLP:CLEAR, some GREEN and AMBER, each with one to four revisions.</summary>
public sealed class NoteSeeding(VigilApi api, Accounts accounts, NoteLibrary library)
{
    public sealed record Published(string Id, string Tlp, int Revisions);

    public ConcurrentBag<Published> Notes { get; } = [];

    public async Task PublishAsync(int count, int seed, int parallel)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (number, _) =>
        {
            var random = new Random(seed * 7919 + number);
            var tlp = (number % 10) switch { 8 => "GREEN", 9 => "AMBER", _ => "CLEAR" };
            var analyst = accounts.Analysts[number % accounts.Analysts.Count];
            var id = (await api.PostAsync(analyst.Token, "/api/v1/notes", library.Note(number, tlp)))["id"]!.GetValue<string>();
            await api.PostAsync(analyst.Token, $"/api/v1/notes/{id}/publication", new JsonObject { ["summary"] = "Initial release." });
            var revisions = random.Next(1, 4);
            for (var r = 1; r <= revisions; r++)
            {
                await api.PostAsync(analyst.Token, $"/api/v1/notes/{id}/revisions", new JsonObject
                {
                    ["summary"] = r == 1 ? "Fixed versions confirmed by the vendor." : "Workaround added for systems that cannot be updated at once.",
                    ["significance"] = r == 1 ? "minor" : "patch",
                    ["note"] = library.Note(number, tlp, r),
                });
            }
            Notes.Add(new Published(id, tlp, 1 + revisions));
        });
    }
}
