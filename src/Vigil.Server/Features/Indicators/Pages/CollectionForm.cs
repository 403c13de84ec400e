using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.Indicators.Pages;

/// <summary>
/// The collection form's boxes and the body the API's reader takes from them (<see cref="CollectionFields"/>):
/// malware names and incident ids one a line. Each error the reader names by pointer goes beside its box.
/// </summary>
public sealed record CollectionForm(string? Name, string? Description, string? Tlp, string? Malware, string? IncidentIds)
{
    public static CollectionForm Posted(IFormCollection form) =>
        new(Value(form, "name"), Value(form, "description"), Value(form, "tlp"), Value(form, "malware"), Value(form, "incident_ids"));

    public static CollectionForm Of(CollectionResponse collection) =>
        new(collection.Name, collection.Description, collection.Tlp, string.Join('\n', collection.Malware), string.Join('\n', collection.IncidentIds));

    /// <summary>The body of POST /api/v1/indicator-collections: what was typed, empty boxes left out (the reader names the required ones).</summary>
    public JsonElement CreateBody()
    {
        var body = new JsonObject();
        if (Name is not null) { body["name"] = Name; }
        if (Tlp is not null) { body["tlp"] = Tlp; }
        if (Description is not null) { body["description"] = Description; }
        if (CollectionMessages.Lines(Malware) is { Count: > 0 } malware) { body["malware"] = Array(malware); }
        if (CollectionMessages.Lines(IncidentIds) is { Count: > 0 } incidents) { body["incident_ids"] = Array(incidents); }
        return JsonSerializer.SerializeToElement(body);
    }

    /// <summary>The body of PATCH /api/v1/indicator-collections/{id}: the fields that differ from <paramref name="before"/> (an emptied description is cleared).</summary>
    public JsonElement ChangeBody(CollectionForm before)
    {
        var body = new JsonObject();
        if (Name != before.Name) { body["name"] = Name ?? ""; }
        if (Tlp != before.Tlp) { body["tlp"] = Tlp ?? ""; }
        if (Description != before.Description) { body["description"] = Description; }
        if (!CollectionMessages.Lines(Malware).SequenceEqual(CollectionMessages.Lines(before.Malware))) { body["malware"] = Array(CollectionMessages.Lines(Malware)); }
        if (!CollectionMessages.Lines(IncidentIds).SequenceEqual(CollectionMessages.Lines(before.IncidentIds))) { body["incident_ids"] = Array(CollectionMessages.Lines(IncidentIds)); }
        return JsonSerializer.SerializeToElement(body);
    }

    /// <summary>The box an error of the collection's reader belongs beside.</summary>
    public static string BoxOf(string pointer) => pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() switch
    {
        "name" => "name",
        "description" => "description",
        "tlp" => "tlp",
        "malware" => "malware",
        "incident_ids" => "incident-ids",
        _ => "name",
    };

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    private static string? Value(IFormCollection form, string name) =>
        form[name].ToString() is { Length: > 0 } value ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : null;
}
