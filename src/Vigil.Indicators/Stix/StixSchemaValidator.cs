using System.Text.Json;
using Json.Schema;

namespace Vigil.Indicators.Stix;

/// <summary>Validates STIX JSON against the OASIS STIX 2.1 JSON schemas (draft 2020-12).</summary>
public sealed class StixSchemaValidator
{
    private readonly JsonSchema _bundle;

    private StixSchemaValidator(JsonSchema bundle) => _bundle = bundle;

    /// <summary>Loads the schemas from the folder that holds <c>common/</c>, <c>sdos/</c>, <c>sros/</c> and <c>observables/</c>.</summary>
    /// <param name="schemaDirectory">The OASIS <c>schemas</c> folder; its layout must be kept because references are relative.</param>
    /// <returns>A validator for bundles.</returns>
    public static StixSchemaValidator Load(string schemaDirectory)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var files = Directory.EnumerateFiles(schemaDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        // References between the files are resolved by their $id, so every file is registered before any is used.
        var texts = files.Select(File.ReadAllText).ToList();
        var pending = new List<string>(texts);
        JsonSchema? bundle = null;
        for (var round = 0; pending.Count > 0 && round < texts.Count; round++)
        {
            var failed = new List<string>();
            foreach (var text in pending)
            {
                try
                {
                    var schema = JsonSchema.FromText(text, options);
                    options.SchemaRegistry.Register(schema);
                    if (schema.BaseUri.AbsolutePath.EndsWith("/common/bundle.json", StringComparison.Ordinal)) { bundle = schema; }
                }
                catch (JsonSchemaException)
                {
                    failed.Add(text);
                }
            }
            pending = failed;
        }
        return bundle is null || pending.Count > 0
            ? throw new InvalidOperationException($"the STIX schemas in {schemaDirectory} could not all be loaded")
            : new StixSchemaValidator(bundle);
    }

    /// <summary>Validates a bundle.</summary>
    /// <param name="bundle">The bundle's JSON.</param>
    /// <returns>The problems found, each naming the instance location and the schema keyword; empty when valid.</returns>
    public IReadOnlyList<string> Validate(JsonElement bundle)
    {
        var result = _bundle.Evaluate(bundle, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) { return []; }
        return (result.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"))
            .DefaultIfEmpty("the bundle does not validate")
            .ToList();
    }

    /// <summary>Validates a bundle written by <see cref="StixBundleWriter"/>.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <returns>The problems found; empty when valid.</returns>
    public IReadOnlyList<string> Validate(StixBundle bundle)
    {
        using var document = JsonDocument.Parse(StixBundleWriter.ToJson(bundle));
        return Validate(document.RootElement);
    }
}
