using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Bench.Pages.Seed;

// seed    --server URL --bootstrap-token T --shared-data DIR --manifest FILE [--seed N] [--incidents-per-organisation N] [--notes N] [--parallel N]
// sign-in --server URL --email E: prints the page session (the vigil_session cookie's value) of a signed-in user.
var options = Options.Parse(args);
var api = new VigilApi(new Uri(options["server"]));
try
{
    switch (args.FirstOrDefault())
    {
        case "seed":
            await SeedAsync(api, options);
            return 0;
        case "sign-in":
            Console.WriteLine(await PageSignIn.SessionAsync(api.Server, options["email"], Accounts.Password));
            return 0;
        default:
            await Console.Error.WriteLineAsync("usage: seed --server URL --bootstrap-token T --shared-data DIR --manifest FILE | sign-in --server URL --email E");
            return 2;
    }
}
catch (SeedingFailed failed)
{
    await Console.Error.WriteLineAsync(failed.Message);
    return 1;
}

static async Task SeedAsync(VigilApi api, Options options)
{
    var seed = options.Int("seed", 20261204);
    var parallel = options.Int("parallel", 4);
    var clock = TimeProvider.System;
    var sharedData = options["shared-data"];
    var watch = Stopwatch.StartNew();
    void Say(string what) => Console.WriteLine($"[{watch.Elapsed.TotalSeconds,6:F1} s] {what}");

    var organisations = DemoOrganisation.All;
    var accounts = new Accounts(api);
    await accounts.CreateAsync(options["bootstrap-token"], organisations, analysts: 5);
    Say($"{organisations.Count} organisations, {accounts.Everyone.Count} users");

    var sets = new IndicatorSets(sharedData);
    var incidents = new IncidentSeeding(api, accounts, clock);
    await incidents.FileAsync(organisations, sets.Domains(), options.Int("incidents-per-organisation", 50), seed, parallel);
    Say($"{incidents.Incidents.Count} incidents, {incidents.Submissions} submissions, {incidents.Requests} requests for information");

    var library = new NoteLibrary(sharedData, new Random(seed));
    var notes = new NoteSeeding(api, accounts, library);
    await notes.PublishAsync(options.Int("notes", 200), seed, parallel);
    Say($"{notes.Notes.Count} notes ({library.VulnerabilityCount} vulnerabilities from CSAF advisories), {notes.Notes.Sum(n => n.Revisions)} revisions");

    var collections = new CollectionSeeding(api, accounts);
    await collections.MakeAsync(sets, incidents.Incidents);
    Say($"{collections.Collections.Count} indicator collections");

    var checkpoint = await api.GetTextAsync("/ledger/checkpoint");
    var logSize = long.Parse(checkpoint.Split('\n')[1], CultureInfo.InvariantCulture);
    Say($"log of {logSize} leaves");

    // The ids the pages are measured with: what the signed-in reporter may read, and what the public may.
    var reporter = organisations[0].Reporters[0];
    var incident = incidents.Incidents.Where(i => i.OrganisationId == organisations[0].Id && i.Tlp == "AMBER")
        .OrderByDescending(i => i.HasRequest).ThenByDescending(i => i.Updates).ThenBy(i => i.Id, StringComparer.Ordinal).First();
    var note = notes.Notes.Where(n => n.Tlp == "CLEAR").OrderByDescending(n => n.Revisions).ThenBy(n => n.Id, StringComparer.Ordinal).First();
    var manifest = new JsonObject
    {
        ["seed"] = seed,
        ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 1),
        ["reporter"] = reporter.Email,
        ["analyst"] = accounts.Analysts[0].Email,
        ["oversight"] = accounts.Oversight.Email,
        ["admin"] = accounts.PagesAdmin.Email,
        ["placeholders"] = new JsonObject
        {
            ["note"] = note.Id,
            ["incident"] = incident.Id,
            ["entry"] = logSize / 2,
            ["collection"] = collections.Collections[0].Id,
            ["organisation"] = organisations[0].Id,
            ["user"] = reporter.Id,
        },
        ["counts"] = new JsonObject
        {
            ["organisations"] = organisations.Count,
            ["users"] = accounts.Everyone.Count,
            ["incidents"] = incidents.Incidents.Count,
            ["incidents_by_tlp"] = new JsonObject(incidents.Incidents.GroupBy(i => i.Tlp).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
            ["submissions"] = incidents.Submissions,
            ["requests_for_information"] = incidents.Requests,
            ["notes"] = notes.Notes.Count,
            ["note_revisions"] = notes.Notes.Sum(n => n.Revisions),
            ["collections"] = collections.Collections.Count,
            ["indicators_imported"] = collections.Collections.Where(c => c.Indicators > 0).Sum(c => c.Indicators),
            ["log_leaves"] = logSize,
        },
    };
    await File.WriteAllTextAsync(options["manifest"], manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    Say($"manifest written to {options["manifest"]}");
}

/// <summary>"--name value" pairs after the command.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new Options(values);
    }

    public string this[string name] => values.TryGetValue(name, out var value) ? value : throw new SeedingFailed($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
