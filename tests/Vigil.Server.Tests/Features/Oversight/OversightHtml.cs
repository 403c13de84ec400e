using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Features.Oversight;

/// <summary>Reading the oversight pages' tables and CSV downloads as a person (or a spreadsheet) would read them.</summary>
public static partial class OversightHtml
{
    /// <summary>The cells of the table with this id, row by row (the header row first), as text.</summary>
    public static List<List<string>> Table(string html, string id)
    {
        var table = Regex.Match(html, $"<table[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table #{id}");
        return [.. RowPattern().Matches(table.Groups[1].Value).Select(r => Cells(r.Groups[1].Value))];
    }

    /// <summary>The cells of the one row whose opening tag carries these attributes (such as data-organisation="...").</summary>
    public static List<string> Row(string html, string attributes)
    {
        var row = Regex.Match(html, $"<tr [^>]*{attributes}[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row with {attributes}");
        return Cells(row.Groups[1].Value);
    }

    /// <summary>An SVG element's data-value for the bar or point with this key, in the chart with this id.</summary>
    public static string? ChartValue(string html, string chartId, string key)
    {
        var svg = Regex.Match(html, $"<svg[^>]*id=\"{Regex.Escape(chartId)}\".*?</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, $"no chart #{chartId}");
        var mark = Regex.Match(svg.Value, $"<g class=\"(?:bar|point)\" data-key=\"{Regex.Escape(key)}\" data-value=\"([^\"]*)\"");
        return mark.Success ? mark.Groups[1].Value : null;
    }

    /// <summary>RFC 4180: fields split at commas outside quotes, "" inside quotes is a quote, records end with CRLF.</summary>
    public static List<List<string>> Csv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; i++;
            }
            else { field.Append(c); }
        }
        Assert.True(field.Length == 0 && record.Count == 0, "the CSV does not end with CRLF");
        return records;
    }

    private static List<string> Cells(string row) =>
        [.. CellPattern().Matches(row).Select(c => Space().Replace(WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, " ")), " ").Trim())];

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
