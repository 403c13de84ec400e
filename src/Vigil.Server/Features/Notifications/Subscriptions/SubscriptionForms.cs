using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// The subscriptions page's forms made into the bodies the API reads, so the page refuses exactly what the API
/// refuses and each problem goes beside the box its pointer names.
/// </summary>
public static class SubscriptionForms
{
    /// <param name="organisationId">Set when the form adds the organisation's subscription rather than the user's own.</param>
    public static JsonElement CreateBody(string? eventType, string? channel, string? destination, bool daily, string? organisationId)
    {
        var body = new JsonObject { ["event_type"] = eventType ?? "", ["channel"] = channel ?? "" };
        if (destination is { Length: > 0 })
        {
            body["destination"] = destination;
        }
        if (daily)
        {
            body["digest"] = DigestGathering.Daily;
        }
        if (organisationId is not null)
        {
            body["organisation_id"] = organisationId;
        }
        return JsonSerializer.SerializeToElement(body);
    }

    public static JsonElement EnabledBody(bool enabled) => JsonSerializer.SerializeToElement(new JsonObject { ["enabled"] = enabled });

    /// <summary>The box a problem belongs beside: the member its pointer names, or the event type's for the body as a whole.</summary>
    public static string BoxOf(string pointer) => pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() switch
    {
        "channel" => "channel",
        "destination" => "destination",
        _ => "event-type",
    };
}
