using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>Collections from the real Pegasus indicators, and two built by analysts from reported incidents' indicators.</summary>
public sealed class CollectionSeeding(VigilApi api, Accounts accounts)
{
    public sealed record Made(string Id, string Name, string Tlp, int Indicators);

    public List<Made> Collections { get; } = [];

    public async Task MakeAsync(IndicatorSets sets, IEnumerable<IncidentSeeding.Filed> incidents)
    {
        var analyst = accounts.Analysts[0];
        foreach (var set in sets.Sets())
        {
            var id = await CreateAsync(analyst, set.Name, set.Tlp, set.Description);
            var imported = await api.PostRawAsync(analyst.Token, $"/api/v1/indicator-collections/{id}/bundles", set.Bundle);
            Collections.Add(new Made(id, set.Name, set.Tlp, imported["added"]?.GetValue<int>() ?? -1));
        }
        foreach (var tlp in new[] { "AMBER", "AMBER+STRICT" })
        {
            var id = await CreateAsync(analyst, $"Indicators reported by constituents ({tlp})", tlp, "Indicators taken from incident reports, for sharing with the organisations concerned.");
            foreach (var incident in incidents.Where(i => i.Tlp == tlp && i.HasIndicators).OrderBy(i => i.Id, StringComparer.Ordinal).Take(40))
            {
                await api.PostAsync(analyst.Token, $"/api/v1/indicator-collections/{id}/incident-indicators", new JsonObject { ["incident_id"] = incident.Id });
            }
            Collections.Add(new Made(id, $"Indicators reported by constituents ({tlp})", tlp, -1));
        }
    }

    private async Task<string> CreateAsync(DemoUser analyst, string name, string tlp, string description) =>
        (await api.PostAsync(analyst.Token, "/api/v1/indicator-collections", new JsonObject
        {
            ["name"] = name, ["tlp"] = tlp, ["description"] = description, ["malware"] = new JsonArray("Pegasus"),
        }))["id"]!.GetValue<string>();
}
