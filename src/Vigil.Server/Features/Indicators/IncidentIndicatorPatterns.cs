using System.Text.Json.Nodes;
using Vigil.Indicators.Patterns;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// The STIX pattern for each indicator type an incident report may carry. App ids have no STIX 2.1 object, so they
/// use the custom <c>x-app</c> object, as <see cref="MvtDialect"/> writes them and the scanner reads them.
/// </summary>
public static class IncidentIndicatorPatterns
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["domain"] = "domain-name:value",
        ["url"] = "url:value",
        ["ipv4"] = "ipv4-addr:value",
        ["ipv6"] = "ipv6-addr:value",
        ["email"] = "email-addr:value",
        ["md5"] = "file:hashes.MD5",
        ["sha1"] = "file:hashes.'SHA-1'",
        ["sha256"] = "file:hashes.'SHA-256'",
        ["sha512"] = "file:hashes.'SHA-512'",
        ["file_name"] = "file:name",
        ["process_name"] = "process:name",
        ["app_id"] = "x-app:id",
    };

    public static string? For(string type, string value) =>
        Paths.TryGetValue(type, out var path) ? $"[{path} = {PatternFormatter.Format(new PatternLiteral(LiteralKind.String, value))}]" : null;

    /// <summary>The (type, value, description) of each indicator in an incident's view.</summary>
    public static IEnumerable<(string Type, string Value, string? Description)> InView(JsonObject view) =>
        view["indicators"] is JsonArray indicators
            ? indicators.OfType<JsonObject>()
                .Where(i => i["type"] is JsonValue && i["value"] is JsonValue)
                .Select(i => (i["type"]!.GetValue<string>(), i["value"]!.GetValue<string>(), (string?)(i["description"] as JsonValue)?.GetValue<string>()))
            : [];
}
