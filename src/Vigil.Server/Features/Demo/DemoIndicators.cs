using System.Security.Claims;
using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Indicators;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Demo;

/// <summary>The public Pegasus indicators as a TLP:CLEAR collection, imported as an analyst imports a bundle.</summary>
public static class DemoIndicators
{
    public const string CollectionName = "Pegasus (NSO Group): Amnesty International Security Lab";

    /// <summary>After the bundle's last rebuild upstream (26 January 2024), so that no object is dated after the import.</summary>
    public const string ImportedAt = "2024-02-01T10:00:00+05:30";

    public static Task<string> LoadAsync(DemoSteps steps, ClaimsPrincipal analyst) =>
        steps.AtAsync(ImportedAt, async services =>
        {
            var db = services.GetRequiredService<VigilDbContext>();
            var events = services.GetRequiredService<EventRecorder>();
            var clock = services.GetRequiredService<TimeProvider>();
            var body = new JsonObject
            {
                ["name"] = CollectionName,
                ["tlp"] = "CLEAR",
                ["description"] = "The public indicators of NSO Group's Pegasus spyware published by Amnesty International's Security Lab "
                    + "(github.com/AmnestyTech/investigations, 2021-07-18_nso; CC-BY): domains, process names, e-mail addresses and a file name. "
                    + "Pegasus is the spyware the 2019 attack through CVE-2019-3568 installed.",
            };
            var created = DemoSteps.Expect<CollectionResponse>((await CreateCollection.CreateAsync(DemoSteps.Body(body), analyst, db, events, clock,
                CancellationToken.None)).Result, "collection");
            var (bundle, problem) = ImportBundle.Read(DemoData.PegasusBundle);
            if (bundle is null)
            {
                throw DemoSteps.Refused("Pegasus bundle", problem);
            }
            DemoSteps.Expect<IndicatorsAdded>((await ImportBundle.ImportAsync(created.Id, bundle, false, null, analyst, db, events,
                services.GetRequiredService<WriteTransactions>(), clock, CancellationToken.None)).Result, "Pegasus bundle");
            return created.Id;
        });
}
