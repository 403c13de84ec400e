using System.Text.Json.Nodes;
using Vigil.Server.Features.Sharing;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Something that happened which subscribers may want to hear of, as a producer hands it to <see cref="NotificationRouter"/>.
/// </summary>
/// <param name="Type">One of <see cref="NotificationEvents"/>.</param>
/// <param name="Id">The event's own id, the same however often it is raised (<c>reminder:...</c>, <c>note:ID:2</c>).</param>
/// <param name="Data">What every subscriber who hears it is told.</param>
public sealed record NotificationEvent(string Type, string Id, JsonObject Data, DateTimeOffset OccurredAt)
{
    /// <summary>The organisations it concerns; null for every organisation (a collection, told to whoever may read it).</summary>
    public IReadOnlyList<string>? Organisations { get; init; }

    /// <summary>What it is about, for the TLP audience rule; null when it carries no label.</summary>
    public SharedThing? About { get; init; }

    /// <summary>
    /// True when knowing of <see cref="About"/> suffices (an incident's deadlines and status are what the CERT,
    /// oversight and the organisation know of it even where they may not read its content).
    /// </summary>
    public bool KnowingSuffices { get; init; }

    /// <summary>Fields added only for subscribers who may read <see cref="About"/>'s content (a request's question).</summary>
    public JsonObject? ReadersOnly { get; init; }
}
