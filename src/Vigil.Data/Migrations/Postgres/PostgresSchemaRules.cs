using Microsoft.EntityFrameworkCore.Migrations;

namespace Vigil.Data.Migrations.Postgres;

/// <summary>
/// What the model cannot say and the schema must: the database itself refuses to change or delete what the record
/// holds (submissions, the log's leaves, nodes and checkpoints, note revisions, events), and keeps the notes'
/// full-text index in step with their content whatever writes a note. Called at the end of the initial migration.
/// </summary>
internal static class PostgresSchemaRules
{
    private static readonly string[] Immutable =
        ["submissions", "ledger_leaves", "ledger_nodes", "ledger_checkpoints", "note_revisions", "record_events"];

    public static void Create(MigrationBuilder migration)
    {
        migration.Sql("CREATE FUNCTION vigil_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% are immutable', TG_TABLE_NAME; END $$;");
        foreach (var table in Immutable)
        {
            migration.Sql($"CREATE TRIGGER {table}_refuse_change BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION vigil_refuse_change();");
        }

        // The full-text index the notes pages search: one row per note, kept by a trigger on the note's content.
        migration.Sql("""
            CREATE TABLE note_search (
                note_id character varying(40) NOT NULL CONSTRAINT pk_note_search PRIMARY KEY
                    CONSTRAINT fk_note_search_notes_note_id REFERENCES notes (id) ON DELETE CASCADE,
                severity text NOT NULL,
                cve_ids text[] NOT NULL,
                products tsvector NOT NULL,
                document tsvector NOT NULL);
            """);
        migration.Sql("CREATE INDEX ix_note_search_document ON note_search USING gin (document);");
        migration.Sql("CREATE INDEX ix_note_search_products ON note_search USING gin (products);");
        migration.Sql("""
            CREATE FUNCTION note_search_words(words text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS
            $$ SELECT to_tsvector('simple', regexp_replace(coalesce(words, ''), '[^[:alnum:][:space:]\u0300-\u036F\u0900-\u0963\u0966-\u0DFF]+', ' ', 'g')) $$;
            """);
        migration.Sql("""
            CREATE FUNCTION note_search_put(put_id text, put_content text) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                note jsonb := put_content::jsonb;
                product_words text := (SELECT string_agg(concat_ws(' ', p->>'vendor', p->>'product', p->>'platform'), ' ')
                    FROM jsonb_array_elements(coalesce(note->'products', '[]'::jsonb)) p);
                cves text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(note->'cve_ids', '[]'::jsonb)));
            BEGIN
                INSERT INTO note_search (note_id, severity, cve_ids, products, document)
                VALUES (put_id, note->>'severity', cves, note_search_words(product_words),
                    note_search_words(concat_ws(' ', note->>'title', note->>'summary', note->>'description', note->>'countermeasures',
                        product_words, array_to_string(cves, ' '))))
                ON CONFLICT ON CONSTRAINT pk_note_search DO UPDATE SET severity = EXCLUDED.severity, cve_ids = EXCLUDED.cve_ids,
                    products = EXCLUDED.products, document = EXCLUDED.document;
            END $$;
            """);
        migration.Sql("""
            CREATE FUNCTION notes_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM note_search_put(NEW.id, NEW.content);
                RETURN NULL;
            END $$;
            """);
        migration.Sql("CREATE TRIGGER notes_search AFTER INSERT OR UPDATE OF content ON notes FOR EACH ROW EXECUTE FUNCTION notes_search_sync();");
    }

    public static void Drop(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS notes_search ON notes;");
        migration.Sql("DROP FUNCTION IF EXISTS notes_search_sync();");
        migration.Sql("DROP FUNCTION IF EXISTS note_search_put(text, text);");
        migration.Sql("DROP FUNCTION IF EXISTS note_search_words(text);");
        migration.Sql("DROP TABLE IF EXISTS note_search;");
        foreach (var table in Immutable)
        {
            migration.Sql($"DROP TRIGGER IF EXISTS {table}_refuse_change ON {table};");
        }
        migration.Sql("DROP FUNCTION IF EXISTS vigil_refuse_change();");
    }
}
