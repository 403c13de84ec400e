using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Validation;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Notes;

/// <summary>
/// Reads a note's affected products: each needs a vendor, a product, and one or more <c>vers</c> ranges of a type Vigil
/// orders, or <c>vers:all/*</c> for every version (as CSAF writes it); a purl and a
/// CPE name it for machines; fixed versions must be plain versions of the range's scheme that no range contains.
/// </summary>
internal static partial class NoteProductReader
{
    public static List<AffectedProduct> Read(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var products = new List<AffectedProduct>();
        reader.Array(value, pointer, 100, (item, p) =>
        {
            var product = ReadOne(reader, item, p);
            if (product is not null)
            {
                products.Add(product);
            }
        });
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
        {
            reader.Fail(pointer, "must list at least one affected product");
        }
        return products;
    }

    private static AffectedProduct? ReadOne(JsonFieldReader reader, JsonElement item, string pointer)
    {
        string? vendor = null, product = null, platform = null, purl = null, cpe = null;
        var ranges = new List<VersionRange>();
        var fixedVersions = new List<(string Version, string Pointer)>();
        var errorsBefore = reader.Errors.Count;
        reader.Object(item, pointer, new Dictionary<string, Action<JsonElement, string>>
        {
            ["vendor"] = (v, p) => vendor = reader.String(v, p, 200),
            ["product"] = (v, p) => product = reader.String(v, p, 200),
            ["platform"] = (v, p) => platform = reader.String(v, p, 100),
            ["purl"] = (v, p) => purl = ReadPurl(reader, v, p),
            ["cpe"] = (v, p) => cpe = ReadCpe(reader, v, p),
            ["affected"] = (v, p) => reader.Array(v, p, 20, (range, rp) => AddRange(reader, range, rp, ranges)),
            ["fixed"] = (v, p) => reader.Array(v, p, 20, (version, vp) =>
            {
                var text = reader.String(version, vp, 100);
                if (text is not null)
                {
                    fixedVersions.Add((text, vp));
                }
            }),
        }, "vendor", "product", "affected");
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("affected", out var affected)
            && affected.ValueKind == JsonValueKind.Array && affected.GetArrayLength() == 0)
        {
            reader.Fail(JsonPointer.Append(pointer, "affected"), "must list at least one vers range");
        }
        foreach (var (version, vp) in fixedVersions)
        {
            CheckFixed(reader, version, vp, ranges);
        }
        return reader.Errors.Count > errorsBefore ? null
            : new AffectedProduct(vendor!, product!, platform, purl, cpe, [.. ranges.Select(r => r.ToString())], [.. fixedVersions.Select(f => f.Version)]);
    }

    private static void AddRange(JsonFieldReader reader, JsonElement value, string pointer, List<VersionRange> ranges)
    {
        var text = reader.String(value, pointer, 500);
        if (text is null)
        {
            return;
        }
        if (!VersionRange.TryParse(text, out var range, out var problem))
        {
            reader.Fail(pointer, $"'{JsonFieldReader.Shorten(text)}' is not a vers range: {problem}");
        }
        else if (!range.IsEveryVersion && (range.Scheme is null || !VersionSchemes.Names.Contains(range.Type, StringComparer.Ordinal)))
        {
            reader.Fail(pointer, $"Vigil cannot order versions of vers type '{range.Type}'; use one of: {string.Join(", ", VersionSchemes.Names)}");
        }
        else
        {
            ranges.Add(range);
        }
    }

    private static void CheckFixed(JsonFieldReader reader, string version, string pointer, List<VersionRange> ranges)
    {
        var scheme = ranges.FirstOrDefault()?.Scheme;
        if (scheme?.Problem(version) is { } problem)
        {
            reader.Fail(pointer, $"'{JsonFieldReader.Shorten(version)}' is not a {ranges[0].Type} version: {problem}");
        }
        else if (ranges.FirstOrDefault(r => r.Contains(version)) is { } containing)
        {
            reader.Fail(pointer, $"{version} lies inside the affected range {containing}");
        }
    }

    private static string? ReadPurl(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var text = reader.String(value, pointer, 1_000);
        if (text is not null && !PackageUrl.TryParse(text, out _, out var problem))
        {
            reader.Fail(pointer, $"'{JsonFieldReader.Shorten(text)}' is not a package URL: {problem}");
            return null;
        }
        return text;
    }

    private static string? ReadCpe(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var text = reader.String(value, pointer, 1_000);
        if (text is not null && !Cpe23Pattern().IsMatch(text))
        {
            reader.Fail(pointer, $"'{JsonFieldReader.Shorten(text)}' is not a CPE 2.3 formatted string such as cpe:2.3:a:vendor:product:*:*:*:*:*:*:*:*");
            return null;
        }
        return text;
    }

    // CPE 2.3 formatted string binding (NISTIR 7695, section 6.2): part, then ten attributes, each "*", "-" or a value
    // whose special characters are backslash-escaped.
    [GeneratedRegex(@"^cpe:2\.3:[aho\*\-](:(((\?*|\*?)([a-zA-Z0-9\-\._]|(\\[\\\*\?!""#$%&'\(\)\+,/:;<=>@\[\]\^`\{\|}~]))+(\?*|\*?))|[\*\-])){5}(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\*\-]))(:(((\?*|\*?)([a-zA-Z0-9\-\._]|(\\[\\\*\?!""#$%&'\(\)\+,/:;<=>@\[\]\^`\{\|}~]))+(\?*|\*?))|[\*\-])){4}$")]
    private static partial Regex Cpe23Pattern();
}
