using System.Security.Claims;
using System.Text.Json.Nodes;
using Vigil.Server.Features.Events;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// The changes to collections that go on the record, each in the transaction of the change. Details carry labels,
/// counts, ids and the analyst's stated reasons, never a collection's name, description or patterns: every CERT
/// reader sees events, and a RED collection's content is for the people named on it.
/// </summary>
public static class CollectionEvents
{
    public const string ObjectKind = "collection";
    public const string Created = "collection-created";
    public const string Updated = "collection-updated";
    public const string IndicatorsAdded = "collection-indicators-added";
    public const string BundleImported = "collection-bundle-imported";
    public const string MarkingsLowered = "indicator-markings-lowered";
    public const string IndicatorReleased = "collection-indicator-released";
    public const string IndicatorRemoved = "collection-indicator-removed";

    /// <summary>Records one event about a collection (saving the context's other changes with it).</summary>
    public static Task RecordAsync(
        this EventRecorder recorder, string kind, string collectionId, JsonObject details, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        recorder.RecordAsync(new EventRecorder.Event(kind, ObjectKind, collectionId, details), actor, cancellationToken);
}
