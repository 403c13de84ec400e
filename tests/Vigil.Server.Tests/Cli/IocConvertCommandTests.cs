using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Indicators.Stix;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

public sealed class IocConvertCommandTests : IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-ioc-").FullName;

    private static readonly string[] MvtPatterns =
    [
        "[file:path='/private/var/db/com.apple.xpc.roleaccountd.staging/bh']",
        "[file:hashes.sha256='9b0e4c7a1d5f3e2c8a6b4d2f0e8c6a4b2d0f8e6c4a2b0d8f6e4c2a0b8d6f4e2c']",
        "[app:id='com.evil.spy']",
        "[configuration-profile:id='3A1B-EVIL']",
        "[android-property:name='sys.evil.flag']",
        "[domain-name:value='wha.tsapp.me']",
    ];

    private string Write(string name, string content)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Bundle(IEnumerable<string> patterns) => new JsonObject
    {
        ["type"] = "bundle",
        ["id"] = "bundle--5d1f6a3c-8e2b-4c7d-9a0e-1f2a3b4c5d6e",
        ["objects"] = new JsonArray([.. patterns.Select((pattern, i) => (JsonNode)new JsonObject
        {
            ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = $"indicator--00000000-0000-4000-8000-{i:D12}",
            ["created"] = "2023-10-01T00:00:00.000Z", ["modified"] = "2023-10-01T00:00:00.000Z", ["valid_from"] = "2023-10-01T00:00:00.000Z",
            ["pattern"] = pattern, ["pattern_type"] = "stix", ["labels"] = new JsonArray("kept as it is"),
        })]),
    }.ToJsonString();

    private static List<string> Patterns(string bundle) =>
        [.. JsonNode.Parse(bundle)!["objects"]!.AsArray().Select(o => o!["pattern"]!.GetValue<string>())];

    [Fact]
    public async Task Mvt_patterns_become_spec_valid_stix_and_convert_back()
    {
        var toStix = await CliRun.InProcessAsync("ioc", "convert", Write("mvt.stix2", Bundle(MvtPatterns)));

        Assert.True(toStix.ExitCode == ExitCodes.Ok, toStix.ToString());
        Assert.Equal(
        [
            "[file:x_path = '/private/var/db/com.apple.xpc.roleaccountd.staging/bh']",
            "[file:hashes.'SHA-256' = '9b0e4c7a1d5f3e2c8a6b4d2f0e8c6a4b2d0f8e6c4a2b0d8f6e4c2a0b8d6f4e2c']",
            "[x-app:id = 'com.evil.spy']",
            "[x-configuration-profile:id = '3A1B-EVIL']",
            "[x-android-property:name = 'sys.evil.flag']",
            "[domain-name:value='wha.tsapp.me']",
        ], Patterns(toStix.Out));
        Assert.Contains("Converted 5 indicator patterns to STIX 2.1", toStix.Error, StringComparison.Ordinal);
        Assert.Equal("kept as it is", JsonNode.Parse(toStix.Out)!["objects"]![0]!["labels"]![0]!.GetValue<string>());
        using (var converted = System.Text.Json.JsonDocument.Parse(toStix.Out))
        {
            var validator = StixSchemaValidator.Load(RepositoryPaths.File("..", "shared", "data", "stix", "schemas"));
            Assert.Empty(validator.Validate(converted.RootElement));
        }

        var back = await CliRun.InProcessAsync("ioc", "convert", "--to", "mvt", Write("stix.json", toStix.Out));
        Assert.Equal(ExitCodes.Ok, back.ExitCode);
        Assert.Equal(MvtPatterns.Select(Canonical), Patterns(back.Out).Select(Canonical));
    }

    [Fact]
    public async Task A_converted_bundle_finds_what_the_original_finds()
    {
        var mvt = Write("mvt.stix2", Bundle(MvtPatterns));
        var stix = Write("converted.json", (await CliRun.InProcessAsync("ioc", "convert", mvt)).Out);
        var bugreport = Write("bugreport-1.txt", """
            ------ PROCESSES (ps -A) ------
            USER PID PPID NAME
            u0_a1 4242 1 com.evil.spy
            DUMP OF SERVICE package:
              Package [com.evil.spy] (1a2b3c):
            seen /private/var/db/com.apple.xpc.roleaccountd.staging/bh and https://wha.tsapp.me/x
            """);

        var original = await CliRun.InProcessAsync("scan", "--json", "--iocs", mvt, bugreport);
        var rewritten = await CliRun.InProcessAsync("scan", "--json", "--iocs", stix, bugreport);

        Assert.Equal(1, original.ExitCode);
        static IEnumerable<string> Found(CliRun run) => run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!).Select(hit => $"{hit["number"]} {hit["kind"]} {hit["observed"]} {hit["indicator_id"]}");
        Assert.Equal(3, Found(original).Count());
        Assert.Equal(Found(original), Found(rewritten));
    }

    [Fact]
    public async Task Unparsable_patterns_are_named_and_kept_and_non_bundles_are_refused()
    {
        var run = await CliRun.InProcessAsync("ioc", "convert", Write("broken.json", Bundle(["[app:id='x'", "[app:id='y']"])));
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("indicator--00000000-0000-4000-8000-000000000000:", run.Error, StringComparison.Ordinal);
        Assert.Equal(["[app:id='x'", "[x-app:id = 'y']"], Patterns(run.Out));

        Assert.Equal(ExitCodes.Rejected, (await CliRun.InProcessAsync("ioc", "convert", Write("list.json", "[1]"))).ExitCode);
        Assert.Equal(ExitCodes.Rejected, (await CliRun.InProcessAsync("ioc", "convert", Write("text.json", "not json"))).ExitCode);
        Assert.Equal(ExitCodes.LocalFile, (await CliRun.InProcessAsync("ioc", "convert", Path.Combine(_files, "absent.json"))).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await CliRun.InProcessAsync("ioc", "convert", "--to", "yara", Write("x.json", "{}"))).ExitCode);
    }

    private static string Canonical(string pattern) => Vigil.Indicators.Patterns.PatternParser.Parse(pattern).ToString()!;

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
