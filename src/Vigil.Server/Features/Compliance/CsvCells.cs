namespace Vigil.Server.Features.Compliance;

/// <summary>CSV as the figures are downloaded: RFC 4180 quoting, and names a spreadsheet would run as formulas defused.</summary>
public static class CsvCells
{
    /// <summary>
    /// One cell: quoted when it holds a comma, a quote or a line break. A value starting with = + - @ (or a tab or
    /// carriage return) gets a leading apostrophe, so that a spreadsheet shows an organisation's name rather than
    /// running it as a formula; any other value is written as it is.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A line of cells, ended by CRLF.</summary>
    public static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";
}
