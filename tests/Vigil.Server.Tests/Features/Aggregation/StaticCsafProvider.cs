using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// A CSAF provider as plain files in a folder the test builds, served on loopback: provider-metadata.json with one
/// directory distribution per folder, an OpenPGP key made in the test (with BouncyCastle, through Vigil's own key
/// code), and documents written with whichever companions (.sha256, .sha512, .asc) the test chooses.
/// </summary>
public sealed class StaticCsafProvider : IAsyncDisposable
{
    /// <summary>The namespace a document made outside any provider (for an analyst's import) carries.</summary>
    public const string ExampleNamespace = "https://psirt.provider.example";

    private readonly string _root = Directory.CreateTempSubdirectory("vigil-static-provider-").FullName;
    // Outside the served folder: the secret keys are never served.
    private readonly string _keys = Directory.CreateTempSubdirectory("vigil-static-provider-keys-").FullName;
    private LoopbackHttpServer _server = null!;

    private StaticCsafProvider(string publisherNamespace)
    {
        Namespace = publisherNamespace;
    }

    /// <summary>
    /// The publisher namespace its metadata declares: its own unless the test says otherwise, since a namespace belongs
    /// to the first provider that declares it and the tests of a class share one server.
    /// </summary>
    public string Namespace { get; }

    public Uri Address => _server.Address;

    public Uri MetadataUrl => new(Address, "/.well-known/csaf/provider-metadata.json");

    /// <summary>The provider's signing key.</summary>
    public CsafOpenPgpKey Key { get; private set; } = null!;

    /// <summary>A key the provider does not publish.</summary>
    public CsafOpenPgpKey Stranger { get; private set; } = null!;

    /// <summary>A provider whose metadata forbids mirroring (<c>mirror_on_CSAF_aggregators: false</c>).</summary>
    public static Task<StaticCsafProvider> StartAsync(params string[] folders) => StartAsync("Static Provider PSIRT", mirror: false, null, folders);

    /// <summary>A provider with its own publisher name whose metadata allows mirroring.</summary>
    public static Task<StaticCsafProvider> StartMirroredAsync(string publisherName, params string[] folders) => StartAsync(publisherName, mirror: true, null, folders);

    /// <summary>A provider whose metadata declares the given publisher namespace (someone else's, or its own written otherwise).</summary>
    public static Task<StaticCsafProvider> StartDeclaringAsync(string publisherName, string publisherNamespace, params string[] folders) =>
        StartAsync(publisherName, mirror: false, publisherNamespace, folders);

    private static async Task<StaticCsafProvider> StartAsync(string publisherName, bool mirror, string? publisherNamespace, string[] folders)
    {
        var provider = new StaticCsafProvider(publisherNamespace ?? $"https://psirt-{Guid.NewGuid().ToString("N")[..8]}.provider.example");
        provider.Key = provider.NewKey("provider");
        provider.Stranger = provider.NewKey("stranger");
        provider._server = await LoopbackHttpServer.StartAsync(async context =>
        {
            var path = Path.GetFullPath(Path.Combine(provider._root, context.Request.Path.Value!.TrimStart('/')));
            if (!path.StartsWith(provider._root, StringComparison.Ordinal) || !File.Exists(path))
            {
                context.Response.StatusCode = 404;
                return;
            }
            await context.Response.Body.WriteAsync(await File.ReadAllBytesAsync(path));
        });
        var metadata = new JsonObject
        {
            ["canonical_url"] = provider.MetadataUrl.AbsoluteUri,
            ["distributions"] = new JsonArray([.. folders.Select(f => (JsonNode)new JsonObject { ["directory_url"] = provider.Url(f + "/") })]),
            ["last_updated"] = "2024-03-01T10:00:00.000Z",
            ["list_on_CSAF_aggregators"] = true,
            ["metadata_version"] = "2.0",
            ["mirror_on_CSAF_aggregators"] = mirror,
            ["public_openpgp_keys"] = new JsonArray(new JsonObject
            {
                ["fingerprint"] = provider.Key.Fingerprint,
                ["url"] = provider.Url($"openpgp/{provider.Key.Fingerprint}.asc"),
            }),
            ["publisher"] = new JsonObject { ["category"] = "vendor", ["name"] = publisherName, ["namespace"] = provider.Namespace },
            ["role"] = "csaf_trusted_provider",
        };
        provider.Write("provider-metadata.json", Encoding.UTF8.GetBytes(metadata.ToJsonString()));
        provider.Write($"openpgp/{provider.Key.Fingerprint}.asc", provider.Key.ArmoredPublicKey());
        return provider;
    }

    /// <summary>The absolute URL of a path under /.well-known/csaf/.</summary>
    public string Url(string path) => new Uri(Address, "/.well-known/csaf/" + path).AbsoluteUri;

    public void Write(string path, byte[] bytes)
    {
        var file = Path.Combine(_root, ".well-known", "csaf", path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
    }

    public void WriteText(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Takes a file away, so that it answers 404.</summary>
    public void Remove(string path) => File.Delete(Path.Combine(_root, ".well-known", "csaf", path));

    /// <summary>Writes a document and the companions asked for; <paramref name="signer"/> null writes no .asc.</summary>
    public void Publish(string path, byte[] document, bool sha256 = true, bool sha512 = true, CsafOpenPgpKey? signer = null, bool signed = true)
    {
        var name = Path.GetFileName(path);
        Write(path, document);
        if (sha256)
        {
            WriteText(path + ".sha256", $"{Convert.ToHexStringLower(SHA256.HashData(document))}  {name}\n");
        }
        if (sha512)
        {
            WriteText(path + ".sha512", $"{Convert.ToHexStringLower(SHA512.HashData(document))}  {name}\n");
        }
        if (signed)
        {
            Write(path + ".asc", (signer ?? Key).Sign(document, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        }
    }

    /// <summary>A valid CSAF 2.0 document of this provider, labelled TLP:WHITE unless <paramref name="tlp"/> says otherwise (null: no label).</summary>
    public byte[] Document(
        string trackingId, string version = "1", string releaseDate = "2024-01-10T10:00:00.000Z", string? publisherNamespace = null, string? tlp = "WHITE") =>
        DocumentIn(publisherNamespace ?? Namespace, trackingId, version, releaseDate, tlp);

    /// <summary>A valid CSAF 2.0 document under the given publisher namespace.</summary>
    public static byte[] DocumentIn(
        string publisherNamespace, string trackingId, string version = "1", string releaseDate = "2024-01-10T10:00:00.000Z", string? tlp = "WHITE")
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.File("tests", "Vigil.Csaf.Tests", "Broken", "valid.json")))!;
        var head = document["document"]!;
        head["title"] = $"Advisory {trackingId}";
        head["publisher"]!["namespace"] = publisherNamespace;
        head["distribution"] = tlp is null ? new JsonObject { ["text"] = "Unlabelled." } : new JsonObject { ["tlp"] = new JsonObject { ["label"] = tlp } };
        var tracking = head["tracking"]!;
        tracking["id"] = trackingId;
        tracking["current_release_date"] = releaseDate;
        tracking["version"] = version;
        var history = new JsonArray();
        for (var n = 1; n <= int.Parse(version, System.Globalization.CultureInfo.InvariantCulture); n++)
        {
            history.Add(new JsonObject { ["date"] = n == 1 ? "2024-01-10T10:00:00.000Z" : releaseDate, ["number"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture), ["summary"] = $"Revision {n}." });
        }
        tracking["revision_history"] = history;
        return Encoding.UTF8.GetBytes(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>
    /// A valid document whose products sit about 90 levels into the JSON (product families forty deep): past a plain
    /// JSON reader's 64, within the 128 CSAF validation allows.
    /// </summary>
    public byte[] DeepDocument(string trackingId) => DeepDocumentIn(Namespace, trackingId);

    /// <inheritdoc cref="DeepDocument"/>
    public static byte[] DeepDocumentIn(string publisherNamespace, string trackingId)
    {
        var document = JsonNode.Parse(DocumentIn(publisherNamespace, trackingId))!;
        var vendor = document["product_tree"]!["branches"]![0]!.AsObject();
        var branches = vendor["branches"]!;
        vendor.Remove("branches");
        for (var level = 0; level < 40; level++)
        {
            branches = new JsonArray(new JsonObject { ["category"] = "product_family", ["name"] = $"Family {level}", ["branches"] = branches });
        }
        vendor["branches"] = branches;
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private CsafOpenPgpKey NewKey(string name) => new(
        Options.Create(new CsafOptions { OpenPgpKeyFile = Path.Combine(_keys, name + ".key"), PublisherName = $"Static {name}" }),
        Options.Create(new StorageOptions { DataDirectory = _keys }),
        new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
            Directory.Delete(_keys, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the other temporary files.
        }
    }
}
