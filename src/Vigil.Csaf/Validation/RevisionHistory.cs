using System.Text.Json;

namespace Vigil.Csaf.Validation;

/// <summary>One item of <c>/document/tracking/revision_history</c>, read for the version tests.</summary>
internal sealed record RevisionHistoryItem(string Path, int Position, string? Number, DocumentVersion? Version, DateTimeOffset? Date)
{
    /// <summary>The items in document order.</summary>
    public static IReadOnlyList<RevisionHistoryItem> Of(JsonElement document) =>
        JsonWalk.Select(document, "/document/tracking/revision_history[]")
            .Select((item, position) =>
            {
                var number = JsonWalk.String(item.Value, "number");
                return new RevisionHistoryItem(item.Path, position, number, DocumentVersion.Parse(number), CsafRevisionOrder.ReadDate(JsonWalk.String(item.Value, "date")));
            })
            .ToList();

    /// <summary>The items sorted ascending by date; items of the same date by their numbers, so that several
    /// revisions released at once are in order whatever order the document lists them in (<see cref="CsafRevisionOrder"/>).</summary>
    public static IReadOnlyList<RevisionHistoryItem> ByDate(JsonElement document) =>
        [.. Of(document).Order(Comparer<RevisionHistoryItem>.Create((x, y) =>
            CsafRevisionOrder.Compare(x.Date, x.Version, y.Date, y.Version) is var order and not 0 ? order : x.Position.CompareTo(y.Position)))];

    /// <summary>The document's status and version.</summary>
    public static (string? Status, string? Version) Tracking(JsonElement document) =>
        (JsonWalk.Select(document, "/document/tracking/status").Select(s => s.Value.ValueKind == JsonValueKind.String ? s.Value.GetString() : null).FirstOrDefault(),
         JsonWalk.Select(document, "/document/tracking/version").Select(s => s.Value.ValueKind == JsonValueKind.String ? s.Value.GetString() : null).FirstOrDefault());
}
