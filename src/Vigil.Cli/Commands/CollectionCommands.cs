using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil collection ...`: indicator collections through the server's API. Reading is open to every audience the
/// collection's TLP label allows; changing one is an analyst's work, each change an event on the record.
/// </summary>
public static class CollectionCommands
{
    private const string Root = "/api/v1/indicator-collections";

    public static Command Create(CliOutput io)
    {
        var group = new RemoteGroup("collection", "Indicator collections shared as STIX 2.1: list, show, export, create, update, add, import, release, remove.", io);
        var id = new Argument<string>("ID") { Description = "The collection's id." };
        var indicator = new Argument<string>("INDICATOR-ID") { Description = "The indicator's STIX id (indicator--...)." };
        string CollectionPath(ParseResult parsed) => $"{Root}/{RemoteGroup.Segment(parsed.GetValue(id)!)}";

        group.Add(new Command("list", "The collections your TLP audience allows, by name.\nExample: vigil collection list"),
            (_, client, ct) => client.GetAsync(Root, ct)!, JsonSummary.Table("id", "tlp", "indicators", "name"));
        group.Add(new Command("show", "A collection with the indicators you may read.\nExample: vigil collection show COLLECTION-ID") { id },
            (parsed, client, ct) => client.GetAsync(CollectionPath(parsed), ct)!, CollectionPrinter.PrintDetailAsync);
        var export = new Command("export", "Print the collection as a signed, TLP-marked STIX 2.1 bundle.\nExample: vigil collection export COLLECTION-ID > collection.stix2") { id };
        export.SetAction((parsed, ct) => ServerCall.RunAsync(io, parsed.GetValue(group.Server), parsed.GetValue(group.Token),
            async client => await client.GetAsync(CollectionPath(parsed) + "/stix", ct, "application/stix+json"), parsed.GetValue(group.Json),
            answer => io.Out.WriteLineAsync(answer.Body)));
        group.Command.Subcommands.Add(export);

        var fields = new CollectionFieldOptions();
        group.Add(fields.AddTo(new Command("create", "Open a collection (analysts).\n"
            + "Example: vigil collection create --name \"Pegasus 2019\" --tlp CLEAR --malware Pegasus --incident INCIDENT-ID")),
            (parsed, client, ct) => client.PostJsonAsync(Root, fields.Body(parsed).ToJsonString(), null, ct)!, CollectionPrinter.PrintCollectionAsync);
        var update = fields.AddTo(new Command("update", "Change what is given of a collection's name, description, TLP, malware or incidents (analysts).\n"
            + "Example: vigil collection update COLLECTION-ID --tlp GREEN") { id });
        update.Validators.Add(result =>
        {
            if (!fields.AnyGiven(result))
            {
                result.AddError("Give at least one of --name, --description, --tlp, --malware, --incident.");
            }
        });
        group.Add(update, (parsed, client, ct) => client.PatchJsonAsync(CollectionPath(parsed), fields.Body(parsed).ToJsonString(), ct)!,
            CollectionPrinter.PrintCollectionAsync);

        var patterns = new Argument<string[]>("PATTERN") { Description = "A STIX pattern, e.g. \"[domain-name:value = 'example.com']\".", Arity = ArgumentArity.OneOrMore };
        group.Add(new Command("add", "Add STIX patterns; each is marked with the collection's label (analysts).\n"
            + "Example: vigil collection add COLLECTION-ID \"[domain-name:value = 'bad.example']\"") { id, patterns },
            (parsed, client, ct) => client.PostJsonAsync(CollectionPath(parsed) + "/indicators", new JsonObject
            {
                ["indicators"] = new JsonArray([.. parsed.GetValue(patterns)!.Select(p => (JsonNode)new JsonObject { ["pattern"] = p })]),
            }.ToJsonString(), null, ct)!, CollectionPrinter.PrintAddedAsync);
        var incident = new Argument<string>("INCIDENT-ID") { Description = "The incident whose reported indicators join the collection." };
        group.Add(new Command("add-incident", "Add the indicators an incident report carries (analysts).\n"
            + "Example: vigil collection add-incident COLLECTION-ID INCIDENT-ID") { id, incident },
            (parsed, client, ct) => client.PostJsonAsync(CollectionPath(parsed) + "/incident-indicators",
                new JsonObject { ["incident_id"] = parsed.GetValue(incident) }.ToJsonString(), null, ct)!, CollectionPrinter.PrintAddedAsync);

        var bundle = new Argument<FileInfo>("BUNDLE") { Description = "A STIX 2.1 bundle (JSON, at most 16 MiB)." };
        var lower = new Option<string?>("--lower-markings") { Description = "Import objects marked more restrictively than the collection under its label, for this reason (on the record)." };
        group.Add(new Command("import", "Import a STIX 2.1 bundle's indicators, with their markings, and its malware names (analysts).\n"
            + "Example: vigil collection import COLLECTION-ID pegasus.stix2") { id, bundle, lower },
            async (parsed, client, ct) =>
            {
                var body = await group.ReadAsync(parsed, bundle);
                var query = parsed.GetValue(lower) is { } reason ? "?lower_markings=true&reason=" + Uri.EscapeDataString(reason) : "";
                return body is null ? null : await client.PostBytesAsync(CollectionPath(parsed) + "/bundles" + query, System.Text.Encoding.UTF8.GetBytes(body), ct);
            }, CollectionPrinter.PrintAddedAsync);

        var tlp = new Option<string>("--tlp") { Description = "The lower label: CLEAR, GREEN, AMBER or AMBER+STRICT.", Required = true };
        var why = new Option<string>("--reason") { Description = "Why it may be shared so (kept on the record).", Required = true };
        group.Add(new Command("release", "Share an indicator under a lower label than its marking and source give it, on the record (analysts).\n"
            + "Example: vigil collection release COLLECTION-ID INDICATOR-ID --tlp CLEAR --reason \"public knowledge\"") { id, indicator, tlp, why },
            (parsed, client, ct) => client.PostJsonAsync(CollectionPath(parsed) + $"/indicators/{RemoteGroup.Segment(parsed.GetValue(indicator)!)}/release",
                new JsonObject { ["tlp"] = parsed.GetValue(tlp), ["reason"] = parsed.GetValue(why) }.ToJsonString(), null, ct)!, JsonSummary.FieldsAsync);
        group.Add(new Command("remove", "Take an indicator out of a collection (analysts).\nExample: vigil collection remove COLLECTION-ID INDICATOR-ID") { id, indicator },
            (parsed, client, ct) => client.DeleteAsync(CollectionPath(parsed) + $"/indicators/{RemoteGroup.Segment(parsed.GetValue(indicator)!)}", ct)!,
            JsonSummary.FieldsAsync);
        return group.Command;
    }
}
