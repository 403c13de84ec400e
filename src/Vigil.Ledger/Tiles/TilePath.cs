using System.Globalization;
using System.Text;

namespace Vigil.Ledger.Tiles;

/// <summary>The C2SP tlog-tiles path encoding of tiles and entry bundles.</summary>
public static class TilePath
{
    /// <summary>The path of a tile or entry bundle, e.g. <c>tile/0/x001/x234/067.p/1</c>.</summary>
    public static string Format(TileId tile)
    {
        if (tile.Level is < TileId.EntriesLevel or > TileId.MaxLevel || tile.Width is < 1 or > TileId.FullWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(tile), tile.Level, "Tile level or width out of range.");
        }

        var level = tile.IsEntryBundle ? "entries" : tile.Level.ToString(CultureInfo.InvariantCulture);
        return $"tile/{level}/{FormatIndex(tile.Index)}{PartialSuffix(tile.Width, TileId.FullWidth)}";
    }

    /// <summary>
    /// The path of a tile in the layout of the Go checksum database, which also names the tile height:
    /// <c>tile/&lt;H&gt;/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c>, with level -1 written <c>data</c>.
    /// </summary>
    public static string FormatWithHeight(int height, int level, long index, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 30);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, -1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 1 << height);
        var levelText = level == -1 ? "data" : level.ToString(CultureInfo.InvariantCulture);
        return $"tile/{height}/{levelText}/{FormatIndex(index)}{PartialSuffix(width, 1 << height)}";
    }

    /// <summary>A tile index as zero-padded 3-digit path elements, all but the last prefixed with <c>x</c>.</summary>
    public static string FormatIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var groups = new List<string>();
        do
        {
            groups.Add((index % 1000).ToString("000", CultureInfo.InvariantCulture));
            index /= 1000;
        }
        while (index > 0);

        groups.Reverse();
        var path = new StringBuilder();
        for (var i = 0; i < groups.Count; i++)
        {
            path.Append(i < groups.Count - 1 ? "x" + groups[i] + "/" : groups[i]);
        }

        return path.ToString();
    }

    /// <summary>Parses a path written by <see cref="Format"/>; only the canonical encoding is accepted.</summary>
    public static bool TryParse(string path, out TileId tile)
    {
        tile = default;
        if (path is null || !path.StartsWith("tile/", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = path["tile/".Length..].Split('/');
        var width = TileId.FullWidth;
        if (parts.Length >= 3 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseSmall(parts[^1], out width) || width is < 1 or >= TileId.FullWidth)
            {
                return false;
            }

            parts = [.. parts[..^2], parts[^2][..^2]];
        }

        var level = TileId.EntriesLevel;
        if (parts.Length < 2 || (parts[0] != "entries" && (!TryParseSmall(parts[0], out level) || level > TileId.MaxLevel)))
        {
            return false;
        }

        if (!TryParseIndex(parts[1..], out var index))
        {
            return false;
        }

        tile = new TileId(level, index, width);
        return true;
    }

    private static string PartialSuffix(int width, int fullWidth) =>
        width == fullWidth ? "" : ".p/" + width.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseIndex(string[] groups, out long index)
    {
        index = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var last = i == groups.Length - 1;
            if (!last && (group.Length != 4 || group[0] != 'x' || (i == 0 && group == "x000")))
            {
                return false;
            }

            var digits = last ? group : group[1..];
            if (digits.Length != 3 || !digits.All(char.IsAsciiDigit) || index > (long.MaxValue / 1000) - 1)
            {
                return false;
            }

            index = (index * 1000) + int.Parse(digits, CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static bool TryParseSmall(string text, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0') &&
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0;
    }
}
