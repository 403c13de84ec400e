using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.Indicators;

/// <summary>The fields of a collection as a request gives them (all optional when curating), read strictly.</summary>
public sealed class CollectionFields
{
    public string? Name { get; private set; }
    public bool HasDescription { get; private set; }
    public string? Description { get; private set; }
    public string? Tlp { get; private set; }
    public List<string>? Malware { get; private set; }
    public List<string>? IncidentIds { get; private set; }

    /// <summary>The names of the fields the request gave, for the record of what a change touched.</summary>
    public IEnumerable<string> Given() =>
        new (string Name, bool Given)[]
        {
            ("name", Name is not null), ("description", HasDescription), ("tlp", Tlp is not null), ("malware", Malware is not null), ("incident_ids", IncidentIds is not null),
        }.Where(f => f.Given).Select(f => f.Name);

    public static async Task<CollectionFields> ReadAsync(
        JsonFieldReader reader, JsonElement body, VigilDbContext db, string? collectionId, CancellationToken cancellationToken, params string[] required)
    {
        var fields = new CollectionFields();
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["name"] = (v, p) => fields.Name = reader.String(v, p, 300),
            ["description"] = (v, p) =>
            {
                fields.HasDescription = true;
                fields.Description = v.ValueKind == JsonValueKind.Null ? null : reader.String(v, p, 4_000, multiline: true);
            },
            ["tlp"] = (v, p) => fields.Tlp = reader.OneOf(v, p, TlpLabel.All, "TLP 2.0 label"),
            ["malware"] = (v, p) => fields.Malware = Strings(reader, v, p, 100, 300),
            ["incident_ids"] = (v, p) => fields.IncidentIds = Strings(reader, v, p, 1_000, 36),
        }, required);
        if (fields.Name is { } name && await db.IndicatorCollections.AnyAsync(c => c.Name == name && c.Id != collectionId, cancellationToken))
        {
            reader.Fail("/name", $"a collection named '{name}' already exists");
        }
        if (fields.IncidentIds is { Count: > 0 } ids)
        {
            var known = await db.Incidents.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < ids.Count; i++)
            {
                if (!known.Contains(ids[i])) { reader.Fail(JsonPointer.Append("/incident_ids", i), $"there is no incident {ids[i]}"); }
            }
        }
        return fields;
    }

    // Duplicates are dropped: a list of names or ids is a set, kept in the order first given.
    private static List<string>? Strings(JsonFieldReader reader, JsonElement value, string pointer, int maxItems, int maxLength)
    {
        var items = new List<string>();
        var ok = reader.Array(value, pointer, maxItems, (item, at) =>
        {
            if (reader.String(item, at, maxLength) is { } text && !items.Contains(text)) { items.Add(text); }
        });
        return ok ? items : null;
    }
}
