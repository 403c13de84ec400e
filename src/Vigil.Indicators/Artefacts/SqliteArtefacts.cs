using Microsoft.Data.Sqlite;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// SQLite databases: every text value of every table is scanned, and hits name table, column and row id.
/// Columns whose meaning is known (iOS DataUsage process names and bundle ids) are matched as typed values.
/// </summary>
internal static class SqliteArtefacts
{
    private static readonly Dictionary<(string Table, string Column), ObservableKind> TypedColumns = new()
    {
        [("ZPROCESS", "ZPROCNAME")] = ObservableKind.ProcessName,
        [("ZPROCESS", "ZBUNDLENAME")] = ObservableKind.AppId,
    };

    public static void Read(string path, string name, ArtefactReader reader)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        ArtefactReader.Complete(reader.Session(name), session =>
        {
            foreach (var table in Tables(connection)) { ReadTable(connection, table, session); }
        });
    }

    public static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var rows = command.ExecuteReader();
        var tables = new List<string>();
        while (rows.Read()) { tables.Add(rows.GetString(0)); }
        return tables;
    }

    private static void ReadTable(SqliteConnection connection, string table, ScanSession session)
    {
        var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        using var command = connection.CreateCommand();
        // Row ids name rows as the database does; tables declared WITHOUT ROWID are numbered in reading order.
        command.CommandText = HasRowId(connection, quoted) ? $"SELECT rowid AS \"(rowid)\", * FROM {quoted}" : $"SELECT * FROM {quoted}";
        using var rows = command.ExecuteReader();
        var first = rows.GetName(0) == "(rowid)" ? 1 : 0;
        var sections = Enumerable.Range(0, rows.FieldCount).Select(i => $"{table}.{rows.GetName(i)}").ToArray();
        long ordinal = 0;
        while (rows.Read())
        {
            ordinal++;
            var number = first == 1 ? rows.GetInt64(0) : ordinal;
            for (var i = first; i < rows.FieldCount; i++)
            {
                if (rows.IsDBNull(i) || rows.GetFieldType(i) != typeof(string)) { continue; }
                session.At(sections[i], "row", number);
                var value = rows.GetString(i);
                if (TypedColumns.TryGetValue((table, rows.GetName(i)), out var kind)) { session.Observe(kind, value); }
                else { session.ObserveText(value); }
            }
        }
    }

    private static bool HasRowId(SqliteConnection connection, string quotedTable)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = $"SELECT rowid FROM {quotedTable} LIMIT 0";
        try
        {
            probe.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
