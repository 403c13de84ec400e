using System.Text.Json;

namespace Vigil.Csaf.Distribution;

/// <summary>Reads a CSAF ROLIE feed (requirement 15, RFC 8322 in JSON): one document per entry, with its hash and signature links.</summary>
public static class RolieFeed
{
    /// <summary>Every entry's document location, in feed order.</summary>
    /// <param name="json">The feed's bytes.</param>
    /// <param name="feedUrl">The feed's own URL, against which relative links are resolved.</param>
    /// <returns>The locations, and one message per entry that names no usable http(s) document URL.</returns>
    /// <exception cref="CsafDistributionException">Not JSON, or without <c>/feed</c>.</exception>
    public static (IReadOnlyList<DocumentLocation> Documents, IReadOnlyList<string> Problems) Read(byte[] json, Uri feedUrl)
    {
        using var document = ProviderMetadata.Parse(json, "the ROLIE feed");
        var feed = ProviderMetadata.Member(document.RootElement, "feed", "/feed");
        var documents = new List<DocumentLocation>();
        var problems = new List<string>();
        if (!feed.TryGetProperty("entry", out var entries))
        {
            return (documents, problems);
        }
        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new CsafDistributionException("/feed/entry is not an array");
        }
        var i = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var at = $"/feed/entry/{i++}";
            var links = Links(entry, feedUrl);
            var self = links.FirstOrDefault(l => l.Rel == "self").Href
                ?? (entry.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                    && content.TryGetProperty("src", out var src) && src.ValueKind == JsonValueKind.String ? HttpUrl.Parse(src.GetString(), feedUrl) : null);
            if (self is null)
            {
                problems.Add($"{at} links no http(s) document (rel self or content/src)");
                continue;
            }
            var beside = DocumentLocation.Beside(self);
            var hashes = links.Where(l => l.Rel == "hash").Select(l => l.Href!).ToList();
            documents.Add(new DocumentLocation(
                self,
                hashes.FirstOrDefault(h => h.AbsolutePath.EndsWith(".sha256", StringComparison.OrdinalIgnoreCase)) ?? beside.Sha256,
                hashes.FirstOrDefault(h => h.AbsolutePath.EndsWith(".sha512", StringComparison.OrdinalIgnoreCase)) ?? beside.Sha512,
                links.FirstOrDefault(l => l.Rel == "signature").Href ?? beside.Signature));
        }
        return (documents, problems);
    }

    private static List<(string Rel, Uri? Href)> Links(JsonElement entry, Uri feedUrl)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("link", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return [.. links.EnumerateArray()
            .Where(l => l.ValueKind == JsonValueKind.Object && l.TryGetProperty("rel", out var r) && r.ValueKind == JsonValueKind.String
                && l.TryGetProperty("href", out var h) && h.ValueKind == JsonValueKind.String)
            .Select(l => (l.GetProperty("rel").GetString()!, HttpUrl.Parse(l.GetProperty("href").GetString(), feedUrl)))
            .Where(l => l.Item2 is not null)];
    }
}
