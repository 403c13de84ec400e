using Microsoft.Data.Sqlite;
using Vigil.Indicators.Artefacts;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Tests.Artefacts;

/// <summary>Builds small artefacts in the formats phones and forensic tools produce, in a temporary folder.</summary>
internal sealed class SyntheticArtefacts : IDisposable
{
    public SyntheticArtefacts() => Root = Directory.CreateTempSubdirectory("vigil-indicators-").FullName;

    public string Root { get; }

    public string File(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string Database(string relative, params string[] statements)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
        return path;
    }

    public static List<IndicatorHit> ScanDataUsage(IndicatorCatalog catalog, string value)
    {
        using var artefacts = new SyntheticArtefacts();
        var escaped = value.Replace("'", "''", StringComparison.Ordinal);
        var path = artefacts.Database("DataUsage.sqlite",
            "CREATE TABLE ZPROCESS (Z_PK INTEGER PRIMARY KEY, ZPROCNAME TEXT, ZBUNDLENAME TEXT)",
            $"INSERT INTO ZPROCESS VALUES (42, '{escaped}', '{escaped}')");
        return [.. new ArtefactScanner(catalog).Scan(path)];
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
