using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Geography;
using Vigil.Domain.Regimes;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>
/// The fields of an incident report, what each accepts, which a first report must carry and which may instead be
/// declared unknown with a reason (<c>{"unknown": "investigation ongoing"}</c>).
/// </summary>
public static partial class IncidentFields
{
    public const int MaxLongText = 65_536;
    public const int MaxShortText = 300;
    public const int MaxUnknownReason = 1_000;

    public sealed record Field(string Name, bool RequiredInReport, bool MayBeUnknown, Action<JsonFieldReader, JsonElement, string> Read);

    public static readonly IReadOnlyList<Field> All =
    [
        new("title", true, false, (r, v, p) => r.String(v, p, MaxShortText)),
        new("category", true, false, (r, v, p) => r.OneOf(v, p, [.. IncidentCategory.All.Select(c => c.Code)], "category")),
        new("description", true, false, (r, v, p) => r.String(v, p, MaxLongText, multiline: true)),
        new("occurred_at", false, true, (r, v, p) => r.Timestamp(v, p)),
        new("detected_at", true, false, (r, v, p) => r.Timestamp(v, p)),
        new("classified_major_at", false, true, (r, v, p) => r.Timestamp(v, p)),
        new("materiality_determined_at", false, true, (r, v, p) => r.Timestamp(v, p)),
        new("ransom_paid_at", false, true, (r, v, p) => r.Timestamp(v, p)),
        new("fix_available_at", false, true, (r, v, p) => r.Timestamp(v, p)),
        new("new_information_at", false, true, (r, v, p) => r.Timestamp(v, p)),
        new("delay_reason", false, false, (r, v, p) => r.String(v, p, MaxLongText, multiline: true)),
        new("affected_systems", false, true, ReadAffectedSystems),
        new("critical_systems_affected", false, true, (r, v, p) => r.Boolean(v, p)),
        new("affected_users", false, true, ReadAffectedUsers),
        new("indicators", false, true, ReadIndicators),
        new("symptoms", false, true, (r, v, p) => r.String(v, p, MaxLongText, multiline: true)),
        new("actions_taken", false, true, (r, v, p) => r.String(v, p, MaxLongText, multiline: true)),
        new("security_systems", false, true, (r, v, p) => r.String(v, p, MaxLongText, multiline: true)),
        new("agencies_notified", false, true, ReadAgencies),
        new("point_of_contact", false, true, ReadContact),
        new("tlp", false, false, (r, v, p) => r.OneOf(v, p, TlpLabel.All, "TLP 2.0 label")),
        new(FieldLabels.Field, false, false, FieldLabels.Read),
        new("regimes", false, false, ReadRegimes),
        new(AttachmentReference.Field, false, false, AttachmentReference.Read),
    ];

    public static readonly IReadOnlyDictionary<string, Field> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The incident field each regime clock event is read from (the engine's input).</summary>
    public static readonly IReadOnlyDictionary<string, string> ClockEventFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ClockEvents.Noticed] = "detected_at",
        [ClockEvents.Occurred] = "occurred_at",
        [ClockEvents.ClassifiedMajor] = "classified_major_at",
        [ClockEvents.MaterialityDetermined] = "materiality_determined_at",
        [ClockEvents.RansomPaid] = "ransom_paid_at",
        [ClockEvents.FixAvailable] = "fix_available_at",
        [ClockEvents.NewInformation] = "new_information_at",
    };

    /// <summary>True for a field name or a dotted path into one (<c>affected_users.by_country</c>).</summary>
    public static bool IsFieldPath(string path)
    {
        var segments = path.Split('.');
        return ByName.ContainsKey(segments[0]) && !segments.Any(string.IsNullOrEmpty);
    }

    private static void ReadAffectedSystems(JsonFieldReader r, JsonElement value, string pointer) =>
        r.Array(value, pointer, 1_000, (item, at) => r.Object(item, at, new Dictionary<string, Action<JsonElement, string>>
        {
            ["vendor"] = (v, p) => r.String(v, p, MaxShortText),
            ["product"] = (v, p) => r.String(v, p, MaxShortText),
            ["version"] = (v, p) => r.String(v, p, 100),
        }, "product"));

    private static void ReadAffectedUsers(JsonFieldReader r, JsonElement value, string pointer)
    {
        long? total = null;
        long sum = 0;
        var countries = new HashSet<string>(StringComparer.Ordinal);
        r.Object(value, pointer, new Dictionary<string, Action<JsonElement, string>>
        {
            ["total"] = (v, p) => total = r.Count(v, p),
            ["as_of"] = (v, p) => r.Timestamp(v, p),
            ["by_country"] = (v, p) => r.Array(v, p, 300, (item, at) => r.Object(item, at, new Dictionary<string, Action<JsonElement, string>>
            {
                ["country"] = (cv, cp) =>
                {
                    var code = r.String(cv, cp, 2);
                    if (code is not null && !CountryCode.IsAssigned(code))
                    {
                        r.Fail(cp, $"'{code}' is not an ISO 3166-1 alpha-2 country code");
                    }
                    else if (code is not null && !countries.Add(code))
                    {
                        r.Fail(cp, $"{code} appears more than once");
                    }
                },
                ["count"] = (cv, cp) => sum += r.Count(cv, cp) ?? 0,
                ["as_of"] = (cv, cp) => r.Timestamp(cv, cp),
            }, "country", "count", "as_of")),
        }, "total", "as_of");
        if (total is not null && sum > total)
        {
            r.Fail(JsonPointer.Append(pointer, "by_country"), $"the countries add up to {sum}, more than the total of {total}");
        }
    }

    private static void ReadIndicators(JsonFieldReader r, JsonElement value, string pointer) =>
        r.Array(value, pointer, 10_000, (item, at) =>
        {
            string? type = null;
            JsonElement? raw = null;
            r.Object(item, at, new Dictionary<string, Action<JsonElement, string>>
            {
                ["type"] = (v, p) => type = r.OneOf(v, p, IndicatorType.All, "indicator type"),
                ["value"] = (v, p) => raw = v,
                ["description"] = (v, p) => r.String(v, p, 2_000, multiline: true),
            }, "type", "value");
            if (raw is { } rawValue)
            {
                var valuePointer = JsonPointer.Append(at, "value");
                var text = r.String(rawValue, valuePointer, 2_048);
                var problem = text is not null && type is not null ? IndicatorType.Check(type, text) : null;
                if (problem is not null)
                {
                    r.Fail(valuePointer, $"'{JsonFieldReader.Shorten(text!)}' {problem}");
                }
            }
        });

    private static void ReadAgencies(JsonFieldReader r, JsonElement value, string pointer) =>
        r.Array(value, pointer, 100, (item, at) => r.Object(item, at, new Dictionary<string, Action<JsonElement, string>>
        {
            ["name"] = (v, p) => r.String(v, p, MaxShortText),
            ["notified_at"] = (v, p) => r.Timestamp(v, p),
            ["reference"] = (v, p) => r.String(v, p, MaxShortText),
        }, "name"));

    private static void ReadContact(JsonFieldReader r, JsonElement value, string pointer) =>
        r.Object(value, pointer, ContactMembers(r), "name", "email");

    /// <summary>The members of a point of contact: name, role, e-mail, phone.</summary>
    public static Dictionary<string, Action<JsonElement, string>> ContactMembers(JsonFieldReader r) => new()
    {
        ["name"] = (v, p) => r.String(v, p, MaxShortText),
        ["role"] = (v, p) => r.String(v, p, MaxShortText),
        ["email"] = (v, p) => r.Email(v, p),
        ["phone"] = (v, p) => r.Phone(v, p),
    };

    private static void ReadRegimes(JsonFieldReader r, JsonElement value, string pointer)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        r.Array(value, pointer, 20, (item, at) =>
        {
            var id = r.String(item, at, 64);
            if (id is not null && !RegimeIdPattern().IsMatch(id))
            {
                r.Fail(at, $"'{id}' is not a regime id (lower-case letters, digits, '-' and '.')");
            }
            else if (id is not null && !seen.Add(id))
            {
                r.Fail(at, $"{id} appears more than once");
            }
        });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex RegimeIdPattern();
}
