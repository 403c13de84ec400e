using System.Diagnostics.CodeAnalysis;

namespace Vigil.Domain.Exposure;

/// <summary>
/// A CPE 2.3 formatted string (NISTIR 7695, section 6.2) split into its eleven attributes, compared without regard
/// to case. Escaped characters stay escaped: two names compare alike when their bindings do.
/// </summary>
public sealed class CpeName
{
    private const int AttributeCount = 11;
    private readonly string[] _attributes;

    private CpeName(string[] attributes) => _attributes = attributes;

    public string Part => _attributes[0];

    public string Vendor => _attributes[1];

    public string Product => _attributes[2];

    /// <summary>The version attribute: a version, <c>*</c> (any) or <c>-</c> (not applicable).</summary>
    public string Version => _attributes[3];

    /// <summary>The version when the name gives one, rather than <c>*</c> or <c>-</c>.</summary>
    public string? ConcreteVersion => Version is "*" or "-" ? null : Version.Replace("\\", "", StringComparison.Ordinal);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CpeName? name)
    {
        name = null;
        if (text is null || !text.StartsWith("cpe:2.3:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var attributes = SplitUnescaped(text["cpe:2.3:".Length..]);
        if (attributes.Count != AttributeCount || attributes.Any(a => a.Length == 0) || attributes[0] is not ("a" or "o" or "h" or "*" or "-"))
        {
            return false;
        }
        name = new CpeName([.. attributes.Select(a => a.ToLowerInvariant())]);
        return true;
    }

    /// <summary>
    /// Reads a CPE 2.3 formatted string, or a CPE 2.2 URI (<c>cpe:/a:vendor:product:version:update:edition:language</c>,
    /// which CSAF documents still carry) converted to the formatted string it stands for: an empty or missing
    /// component is ANY, <c>-</c> is not applicable, a packed edition (<c>~edition~sw_edition~target_sw~target_hw~other</c>)
    /// is unpacked, percent-encoding is decoded and the formatted string's special characters escaped.
    /// </summary>
    public static bool TryParseAnyBinding(string? text, [NotNullWhen(true)] out CpeName? name)
    {
        name = null;
        if (text is null || !text.StartsWith("cpe:/", StringComparison.OrdinalIgnoreCase))
        {
            return TryParse(text, out name);
        }
        var components = text["cpe:/".Length..].Split(':');
        if (components.Length > 7)
        {
            return false;
        }
        var attributes = Enumerable.Repeat("*", AttributeCount).ToArray();
        for (var i = 0; i < components.Length; i++)
        {
            if (i == 5 && components[i].StartsWith('~'))
            {
                var packed = components[i].Split('~');
                if (packed.Length != 6)
                {
                    return false;
                }
                // Edition, then sw_edition, target_sw, target_hw and other, which sit after language in 2.3.
                attributes[5] = FromUri(packed[1]);
                for (var j = 2; j < 6; j++)
                {
                    attributes[j + 5] = FromUri(packed[j]);
                }
            }
            else
            {
                attributes[i] = FromUri(components[i]);
            }
        }
        return TryParse("cpe:2.3:" + string.Join(':', attributes), out name);
    }

    private static string FromUri(string component)
    {
        if (component.Length == 0)
        {
            return "*";
        }
        if (component == "-")
        {
            return "-";
        }
        var decoded = Uri.UnescapeDataString(component);
        var escaped = new System.Text.StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Whether this name, as a document's, covers a component's: part, vendor and product equal; every other
    /// attribute except the version either <c>*</c> here or equal there. Versions are the ranges' business.
    /// </summary>
    public bool Covers(CpeName component)
    {
        for (var i = 0; i < AttributeCount; i++)
        {
            var applies = i == 3 || (i > 2 && _attributes[i] == "*") || string.Equals(_attributes[i], component._attributes[i], StringComparison.Ordinal);
            if (!applies)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Vendor and product: the part of the name an index can look up.</summary>
    public string ProductKey => $"{Part}:{Vendor}:{Product}";

    public override string ToString() => "cpe:2.3:" + string.Join(':', _attributes);

    private static List<string> SplitUnescaped(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ':')
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
