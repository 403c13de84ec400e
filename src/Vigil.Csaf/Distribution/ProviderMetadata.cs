using System.Text.Json;

namespace Vigil.Csaf.Distribution;

/// <summary>Who publishes a provider's documents (<c>/publisher</c> of provider-metadata.json).</summary>
/// <param name="Category">vendor, coordinator, discoverer, translator, user or other.</param>
/// <param name="Name">The publisher's name.</param>
/// <param name="Namespace">The URL the publisher controls; its documents carry the same namespace.</param>
public sealed record ProviderPublisher(string Category, string Name, string Namespace);

/// <summary>A public OpenPGP key the provider signs with (<c>/public_openpgp_keys/*</c>).</summary>
/// <param name="Url">Where the armoured key is served.</param>
/// <param name="Fingerprint">The key's fingerprint in hex when the metadata gives it; the downloaded key must match it.</param>
public sealed record ProviderKeyReference(Uri Url, string? Fingerprint);

/// <summary>A ROLIE feed of a distribution, with the TLP label the metadata gives it.</summary>
public sealed record ProviderFeedReference(Uri Url, string TlpLabel);

/// <summary>
/// What a CSAF 2.0 provider-metadata.json (section 7.1.7) says that a follower needs: publisher, role, keys and
/// where the documents are (ROLIE feeds, or directories). Only http and https addresses are accepted.
/// </summary>
/// <param name="CanonicalUrl">The metadata's own canonical URL.</param>
/// <param name="LastUpdated">When the provider last changed its metadata, as written.</param>
/// <param name="Role">csaf_publisher, csaf_provider or csaf_trusted_provider.</param>
/// <param name="Publisher">The provider's publisher.</param>
/// <param name="Keys">The public OpenPGP keys.</param>
/// <param name="Feeds">Every ROLIE feed of every distribution.</param>
/// <param name="Directories">The directory URL of each distribution that has no ROLIE feed.</param>
/// <param name="ListOnAggregators"><c>list_on_CSAF_aggregators</c>: whether the provider agrees to be listed (true when not said).</param>
/// <param name="MirrorOnAggregators"><c>mirror_on_CSAF_aggregators</c>: whether the provider agrees that aggregators serve copies of its documents (true when not said).</param>
public sealed record ProviderMetadata(
    Uri CanonicalUrl, string LastUpdated, string Role, ProviderPublisher Publisher, bool ListOnAggregators, bool MirrorOnAggregators,
    IReadOnlyList<ProviderKeyReference> Keys, IReadOnlyList<ProviderFeedReference> Feeds, IReadOnlyList<Uri> Directories)
{
    /// <summary>Reads provider-metadata.json.</summary>
    /// <param name="json">The metadata's bytes.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="CsafDistributionException">Not JSON, or a required member missing or malformed (named by JSON pointer).</exception>
    public static ProviderMetadata Read(byte[] json)
    {
        using var document = Parse(json, "provider-metadata.json");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CsafDistributionException("provider-metadata.json is not a JSON object");
        }
        var publisher = Member(root, "publisher", "/publisher");
        var keys = new List<ProviderKeyReference>();
        foreach (var (key, at) in Items(root, "public_openpgp_keys"))
        {
            var fingerprint = key.TryGetProperty("fingerprint", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            keys.Add(new ProviderKeyReference(Url(key, "url", at + "/url"), fingerprint));
        }
        var feeds = new List<ProviderFeedReference>();
        var directories = new List<Uri>();
        foreach (var (distribution, at) in Items(root, "distributions"))
        {
            var rolie = distribution.TryGetProperty("rolie", out var r) && r.ValueKind == JsonValueKind.Object ? Items(r, "feeds", at + "/rolie/feeds") : [];
            foreach (var (feed, feedAt) in rolie)
            {
                feeds.Add(new ProviderFeedReference(Url(feed, "url", feedAt + "/url"), Text(feed, "tlp_label", feedAt + "/tlp_label").ToUpperInvariant()));
            }
            if (rolie.Count == 0 && distribution.TryGetProperty("directory_url", out _))
            {
                directories.Add(Url(distribution, "directory_url", at + "/directory_url"));
            }
        }
        return new ProviderMetadata(
            Url(root, "canonical_url", "/canonical_url"), Text(root, "last_updated", "/last_updated"),
            root.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString()! : "csaf_provider",
            new ProviderPublisher(Text(publisher, "category", "/publisher/category"), Text(publisher, "name", "/publisher/name"),
                Text(publisher, "namespace", "/publisher/namespace")),
            !(root.TryGetProperty("list_on_CSAF_aggregators", out var listed) && listed.ValueKind == JsonValueKind.False),
            !(root.TryGetProperty("mirror_on_CSAF_aggregators", out var mirrored) && mirrored.ValueKind == JsonValueKind.False),
            keys, feeds, directories);
    }

    internal static JsonDocument Parse(byte[] json, string what)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new CsafDistributionException($"{what} is not JSON: {e.Message}");
        }
    }

    internal static JsonElement Member(JsonElement parent, string name, string pointer) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value : throw new CsafDistributionException($"{pointer} is missing or not an object");

    internal static string Text(JsonElement parent, string name, string pointer) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text : throw new CsafDistributionException($"{pointer} is missing or not a non-empty string");

    /// <summary>An absolute http(s) URL; anything else (file:, ftp:, relative) is refused.</summary>
    internal static Uri Url(JsonElement parent, string name, string pointer) =>
        HttpUrl.Parse(Text(parent, name, pointer)) ?? throw new CsafDistributionException($"{pointer} is not an absolute http(s) URL");

    private static List<(JsonElement Item, string Pointer)> Items(JsonElement parent, string name, string? pointer = null)
    {
        pointer ??= "/" + name;
        if (!parent.TryGetProperty(name, out var array))
        {
            return [];
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new CsafDistributionException($"{pointer} is not an array");
        }
        return [.. array.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.Object
            ? (item, $"{pointer}/{i}") : throw new CsafDistributionException($"{pointer}/{i} is not an object"))];
    }
}
