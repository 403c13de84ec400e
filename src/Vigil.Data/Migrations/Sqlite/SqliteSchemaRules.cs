using Microsoft.EntityFrameworkCore.Migrations;

namespace Vigil.Data.Migrations.Sqlite;

/// <summary>
/// What the model cannot say and the schema must: the database itself refuses to change or delete what the record
/// holds (submissions, the log's leaves, nodes and checkpoints, note revisions, events), and keeps the notes'
/// full-text index (FTS5) in step with their content in the same statement, whatever writes a note. Called at the end
/// of the initial migration.
/// </summary>
internal static class SqliteSchemaRules
{
    private static readonly string[] Immutable =
        ["submissions", "ledger_leaves", "ledger_nodes", "ledger_checkpoints", "note_revisions", "record_events"];

    // The index row of the note n, from its stored (canonical JSON) content.
    private const string Row = """
        SELECT n.id, json_extract(n.content, '$.severity'), json_extract(n.content, '$.title'), json_extract(n.content, '$.summary'),
            json_extract(n.content, '$.description'), json_extract(n.content, '$.countermeasures'),
            (SELECT group_concat(json_extract(p.value, '$.vendor') || ' ' || json_extract(p.value, '$.product')
                || coalesce(' ' || json_extract(p.value, '$.platform'), ''), ' ') FROM json_each(n.content, '$.products') p),
            (SELECT group_concat(c.value, ' ') FROM json_each(n.content, '$.cve_ids') c)
        FROM notes n
        """;

    private const string Insert = "INSERT INTO note_search (note_id, severity, title, summary, description, countermeasures, products, cve_ids) ";

    public static void Create(MigrationBuilder migration)
    {
        foreach (var table in Immutable)
        {
            migration.Sql($"CREATE TRIGGER {table}_refuse_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are immutable'); END;");
            migration.Sql($"CREATE TRIGGER {table}_refuse_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are immutable'); END;");
        }

        // The full-text index the notes pages search: one row per note, kept by triggers on the note's content.
        migration.Sql("CREATE VIRTUAL TABLE note_search USING fts5(note_id UNINDEXED, severity UNINDEXED, title, summary, description, "
            + "countermeasures, products, cve_ids, tokenize = 'unicode61 remove_diacritics 2');");
        migration.Sql($"CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN {Insert}{Row} WHERE n.id = new.id; END;");
        migration.Sql("CREATE TRIGGER notes_search_update AFTER UPDATE OF content ON notes BEGIN "
            + $"DELETE FROM note_search WHERE note_id = old.id; {Insert}{Row} WHERE n.id = new.id; END;");
        migration.Sql("CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN DELETE FROM note_search WHERE note_id = old.id; END;");
    }

    public static void Drop(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS notes_search_insert;");
        migration.Sql("DROP TRIGGER IF EXISTS notes_search_update;");
        migration.Sql("DROP TRIGGER IF EXISTS notes_search_delete;");
        migration.Sql("DROP TABLE IF EXISTS note_search;");
        foreach (var table in Immutable)
        {
            migration.Sql($"DROP TRIGGER IF EXISTS {table}_refuse_update;");
            migration.Sql($"DROP TRIGGER IF EXISTS {table}_refuse_delete;");
        }
    }
}
