using System.Text;

namespace Vigil.Csaf.Distribution;

/// <summary>
/// CSAF 2.0 section 5.1: a document's file name is its tracking id in lower case, each run of characters other than
/// <c>a-z</c>, <c>0-9</c>, <c>+</c> and <c>-</c> replaced by ONE underscore, then <c>.json</c>
/// (<c>OASIS_CSAF_TC-CSAF_2.0-2021-TEMPLATE</c> is <c>oasis_csaf_tc-csaf_2_0-2021-template.json</c>). The same rule
/// names other things after free text, such as a mirror's folder.
/// </summary>
public static class CsafFileName
{
    /// <summary>The file name of the document with this tracking id.</summary>
    /// <param name="trackingId"><c>/document/tracking/id</c>.</param>
    /// <returns>The file name, with <c>.json</c>.</returns>
    public static string Of(string trackingId) => Normalize(trackingId) + ".json";

    /// <summary>The text in lower case with each run of characters outside <c>[+\-a-z0-9]</c> written as one <c>_</c>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The normalised text (without extension).</returns>
    public static string Normalize(string text)
    {
        var name = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '+' or '-' or (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                name.Append(c);
            }
            else if (name.Length == 0 || name[^1] != '_')
            {
                name.Append('_');
            }
        }
        return name.ToString();
    }
}
