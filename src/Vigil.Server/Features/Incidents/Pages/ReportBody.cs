using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// The JSON body the API takes, built from the new report form: what the page files or previews goes through the
/// same reader as an API call. Empty inputs are left out (so a required one is reported missing by the reader); a
/// value that does not convert is sent as typed, for the reader to name. Rows of a group that are entirely empty are
/// left out, so <see cref="RowOf"/> maps each array element back to the row of the form it came from.
/// </summary>
public sealed class ReportBody
{
    private static readonly string[] TimeFields =
        ["occurred_at", "detected_at", "classified_major_at", "materiality_determined_at", "ransom_paid_at", "fix_available_at", "new_information_at"];

    private static readonly string[] TextFields =
        ["title", "category", "description", "delay_reason", "symptoms", "actions_taken", "security_systems", "tlp"];

    private readonly Dictionary<string, List<string>> _rows = new(StringComparer.Ordinal);

    private ReportBody(ReportForm form, TimeZoneInfo zone)
    {
        Form = form;
        Zone = zone;
    }

    public ReportForm Form { get; }

    public TimeZoneInfo Zone { get; }

    public JsonObject Json { get; } = [];

    public static ReportBody Build(ReportForm form, TimeZoneInfo zone)
    {
        var body = new ReportBody(form, zone);
        body.Fill();
        return body;
    }

    /// <summary>The form name an element of an array in the body came from (<c>/affected_systems</c>, 0 → <c>affected_systems[2]</c>).</summary>
    public string? RowOf(string arrayPointer, int index) =>
        _rows.TryGetValue(arrayPointer, out var rows) && index >= 0 && index < rows.Count ? rows[index] : null;

    private void Fill()
    {
        foreach (var field in TextFields)
        {
            Put(Json, field, Text(field));
        }
        foreach (var field in TimeFields)
        {
            Put(Json, field, Time(field));
        }
        Put(Json, "affected_systems", Group("/affected_systems", "affected_systems", row => Members(row, ("vendor", Text), ("product", Text), ("version", Text))));
        Put(Json, "critical_systems_affected", Form.Value("critical_systems_affected") switch { "true" => JsonValue.Create(true), "false" => JsonValue.Create(false), _ => null });
        var users = Members("affected_users", ("total", Count), ("as_of", Time));
        Put(users, "by_country", Group("/affected_users/by_country", "affected_users.by_country", row => Members(row, ("country", Text), ("count", Count), ("as_of", Time))));
        Put(Json, "affected_users", users.Count > 0 ? users : null);
        Put(Json, "indicators", Group("/indicators", "indicators", row => Members(row, ("type", Text), ("value", Text), ("description", Text))));
        Put(Json, "agencies_notified", Group("/agencies_notified", "agencies_notified", row => Members(row, ("name", Text), ("notified_at", Time), ("reference", Text))));
        var contact = Members("point_of_contact", ("name", Text), ("role", Text), ("email", Text), ("phone", Text));
        Put(Json, "point_of_contact", contact.Count > 0 ? contact : null);
        var labels = new JsonObject();
        foreach (var field in FieldLabels.Labellable.Order(StringComparer.Ordinal))
        {
            Put(labels, field, Text($"{FieldLabels.Field}.{field}"));
        }
        Put(Json, FieldLabels.Field, labels.Count > 0 ? labels : null);
        Put(Json, "regimes", List("/regimes", "regimes", id => JsonValue.Create(id)));
        Put(Json, AttachmentReference.Field, List("/attachments", AttachmentReference.Field,
            sha256 => new JsonObject { [AttachmentReference.Sha256Member] = sha256 }));
        // A field declared unknown says so whatever else was typed for it (which the form keeps, should the box be cleared).
        foreach (var field in IncidentFields.All.Where(f => f.MayBeUnknown))
        {
            if (Form.IsChecked(field.Name + ".declared_unknown"))
            {
                Json[field.Name] = new JsonObject { [UnknownDeclaration.Member] = Form.Value(field.Name + "." + UnknownDeclaration.Member) };
            }
        }
    }

    private JsonArray? Group(string pointer, string group, Func<string, JsonObject> row)
    {
        var items = new JsonArray();
        var rows = _rows[pointer] = [];
        Form.Shows(group);
        for (var i = 0; i < Form.Rows(group); i++)
        {
            var name = $"{group}[{i.ToString(CultureInfo.InvariantCulture)}]";
            Form.Shows(name);
            var item = row(name);
            if (item.Count > 0)
            {
                items.Add(item);
                rows.Add(name);
            }
        }
        return items.Count > 0 ? items : null;
    }

    private JsonArray? List(string pointer, string name, Func<string, JsonNode> item)
    {
        var values = Form.Values(name);
        _rows[pointer] = [.. values.Select(v => $"{name}.{v}")];
        foreach (var value in values)
        {
            Form.Shows($"{name}.{value}");
        }
        return values.Count > 0 ? [.. values.Select(item)] : null;
    }

    private JsonObject Members(string prefix, params (string Member, Func<string, JsonNode?> Read)[] members)
    {
        var item = new JsonObject();
        foreach (var (member, read) in members)
        {
            Put(item, member, read($"{prefix}.{member}"));
        }
        return item;
    }

    private JsonNode? Text(string name) => Form.Value(name) is { } text && !string.IsNullOrWhiteSpace(text) ? JsonValue.Create(text) : null;

    private JsonNode? Count(string name) =>
        Text(name) is not { } text ? null
        : long.TryParse(text.GetValue<string>().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? JsonValue.Create(count) : text;

    /// <summary>A browser's local date and time (datetime-local) in the chosen zone, as ISO 8601 with that zone's offset then.</summary>
    private JsonNode? Time(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        if (!DateTime.TryParseExact(text.GetValue<string>().Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return text;
        }
        var at = new DateTimeOffset(local, Zone.GetUtcOffset(local));
        return JsonValue.Create(at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
    }

    private static void Put(JsonObject target, string member, JsonNode? value)
    {
        if (value is not null)
        {
            target[member] = value;
        }
    }
}
