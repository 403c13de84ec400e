using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Notes;

/// <summary>Reads a note's lists of identifiers and links: CVE and CWE ids, references, acknowledgments, linked records.</summary>
internal static partial class NoteIdentifiers
{
    public static List<string> CveIds(JsonFieldReader reader, JsonElement value, string pointer) =>
        UniqueStrings(reader, value, pointer, 50, 30, (id, p) =>
        {
            if (!CvePattern().IsMatch(id))
            {
                reader.Fail(p, $"'{JsonFieldReader.Shorten(id)}' is not a CVE id such as CVE-2019-3568");
                return false;
            }
            return true;
        });

    public static List<CweWeakness> Cwes(JsonFieldReader reader, JsonElement value, string pointer) =>
    [
        .. UniqueStrings(reader, value, pointer, 10, 20, (id, p) =>
        {
            if (!CweCatalog.TryGetName(id, out _))
            {
                reader.Fail(p, $"'{JsonFieldReader.Shorten(id)}' is not a CWE weakness id (such as CWE-122) in the CWE list");
                return false;
            }
            return true;
        }).Select(id => new CweWeakness(id, CweCatalog.TryGetName(id, out var name) ? name : "")),
    ];

    public static List<string> Ids(JsonFieldReader reader, JsonElement value, string pointer) =>
        UniqueStrings(reader, value, pointer, 100, 36, (_, _) => true);

    public static List<NoteReference> References(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var references = new List<NoteReference>();
        reader.Array(value, pointer, 50, (item, p) =>
        {
            string? url = null, summary = null;
            reader.Object(item, p, new Dictionary<string, Action<JsonElement, string>>
            {
                ["url"] = (v, vp) => url = AbsoluteUrl(reader, v, vp),
                ["summary"] = (v, vp) => summary = reader.String(v, vp, 500),
            }, "url", "summary");
            if (url is not null && summary is not null)
            {
                references.Add(new NoteReference(url, summary));
            }
        });
        return references;
    }

    public static List<NoteAcknowledgment> Acknowledgments(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var acknowledgments = new List<NoteAcknowledgment>();
        reader.Array(value, pointer, 50, (item, p) =>
        {
            List<string> names = [];
            string? organization = null, summary = null;
            var isObject = reader.Object(item, p, new Dictionary<string, Action<JsonElement, string>>
            {
                ["names"] = (v, vp) => names = UniqueStrings(reader, v, vp, 20, 200, (_, _) => true),
                ["organization"] = (v, vp) => organization = reader.String(v, vp, 200),
                ["summary"] = (v, vp) => summary = reader.String(v, vp, 500),
            });
            if (isObject && names.Count == 0 && organization is null)
            {
                reader.Fail(p, "must name at least one person (names) or an organization");
                return;
            }
            acknowledgments.Add(new NoteAcknowledgment(names, organization, summary));
        });
        return acknowledgments;
    }

    public static string? AbsoluteUrl(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var text = reader.String(value, pointer, 2_000);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !text.Contains(' ', StringComparison.Ordinal)))
        {
            reader.Fail(pointer, $"'{JsonFieldReader.Shorten(text)}' is not an absolute http or https URL");
            return null;
        }
        return text;
    }

    private static List<string> UniqueStrings(JsonFieldReader reader, JsonElement value, string pointer, int maxItems, int maxLength, Func<string, string, bool> check)
    {
        var values = new List<string>();
        reader.Array(value, pointer, maxItems, (item, p) =>
        {
            var text = reader.String(item, p, maxLength);
            if (text is null || !check(text, p))
            {
                return;
            }
            if (values.Contains(text, StringComparer.Ordinal))
            {
                reader.Fail(p, $"'{text}' is listed twice");
                return;
            }
            values.Add(text);
        });
        return values;
    }

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,}$")]
    private static partial Regex CvePattern();
}
