using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index the notes pages search (SQLite FTS5): one row per note with the words of its title,
    /// summary, description, countermeasures, products and CVE ids, and its severity for the filter. Triggers keep it
    /// in step with the note's content in the same statement, whatever writes the note (a publication, a revision, a
    /// withdrawal, a draft's edit); the index is never read past the audience filter (searches join it to the notes).
    /// </summary>
    public partial class NoteSearch : Migration
    {
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

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE note_search USING fts5(note_id UNINDEXED, severity UNINDEXED, title, summary, description, "
                + "countermeasures, products, cve_ids, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql($"CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN {Insert}{Row} WHERE n.id = new.id; END;");
            migrationBuilder.Sql("CREATE TRIGGER notes_search_update AFTER UPDATE OF content ON notes BEGIN "
                + $"DELETE FROM note_search WHERE note_id = old.id; {Insert}{Row} WHERE n.id = new.id; END;");
            migrationBuilder.Sql("CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN DELETE FROM note_search WHERE note_id = old.id; END;");
            migrationBuilder.Sql($"{Insert}{Row};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS notes_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS notes_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS notes_search_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS note_search;");
        }
    }
}
