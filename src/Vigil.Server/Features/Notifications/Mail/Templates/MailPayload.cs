using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>Reads an outbox message's payload (a JSON object) for a template: what it needs, and what it may show.</summary>
public sealed class MailPayload(JsonObject data)
{
    public static MailPayload Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new MailPayloadException("the payload is not a JSON object"));

    /// <summary>A field the template cannot do without.</summary>
    public string Required(string name) => Text(name) ?? throw new MailPayloadException($"the payload has no '{name}'");

    public string? Text(string name) => data[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    public int? Number(string name) => data[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    public IReadOnlyList<string> List(string name) =>
        data[name] is JsonArray items ? [.. items.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())] : [];

    /// <summary>The objects of an array field (a digest's events).</summary>
    public IReadOnlyList<JsonObject> Objects(string name) => data[name] is JsonArray items ? [.. items.OfType<JsonObject>()] : [];

    public bool Has(string name) => data.ContainsKey(name);

    /// <summary>A time as the mail shows it, in UTC and unambiguous in any language (ISO 8601 order).</summary>
    public string? Time(string name) =>
        Text(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : null;
}
