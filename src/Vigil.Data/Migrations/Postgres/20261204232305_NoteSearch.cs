using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <summary>
    /// The full-text index the notes pages search (PostgreSQL tsvector, GIN-indexed): one row per note with the words
    /// of its title, summary, description, countermeasures, products and CVE ids, its products' words apart for the
    /// product filter, its CVE ids and its severity. A trigger keeps it in step with the note's content in the same
    /// statement, whatever writes the note; the index is never read past the audience filter (searches join it to the
    /// notes). Words are split at punctuation ("CVE-2019-3568" is cve, 2019, 3568) and not stemmed, as in SQLite.
    /// Combining marks stay inside their word (the C locale's classes do not count them as letters: "सुरक्षा" would
    /// break at its virama), as do the Indic scripts' letters; the danda (।, ॥) ends a word, as it does in SQLite.
    /// </summary>
    public partial class NoteSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE note_search (
                    note_id character varying(40) NOT NULL CONSTRAINT pk_note_search PRIMARY KEY
                        CONSTRAINT fk_note_search_notes_note_id REFERENCES notes (id) ON DELETE CASCADE,
                    severity text NOT NULL,
                    cve_ids text[] NOT NULL,
                    products tsvector NOT NULL,
                    document tsvector NOT NULL);
                """);
            migrationBuilder.Sql("CREATE INDEX ix_note_search_document ON note_search USING gin (document);");
            migrationBuilder.Sql("CREATE INDEX ix_note_search_products ON note_search USING gin (products);");
            migrationBuilder.Sql("""
                CREATE FUNCTION note_search_words(words text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS
                $$ SELECT to_tsvector('simple', regexp_replace(coalesce(words, ''), '[^[:alnum:][:space:]\u0300-\u036F\u0900-\u0963\u0966-\u0DFF]+', ' ', 'g')) $$;
                """);
            migrationBuilder.Sql("""
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
            migrationBuilder.Sql("""
                CREATE FUNCTION notes_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM note_search_put(NEW.id, NEW.content);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER notes_search AFTER INSERT OR UPDATE OF content ON notes FOR EACH ROW EXECUTE FUNCTION notes_search_sync();");
            migrationBuilder.Sql("SELECT note_search_put(id, content) FROM notes;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS notes_search ON notes;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS notes_search_sync();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS note_search_put(text, text);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS note_search_words(text);");
            migrationBuilder.Sql("DROP TABLE IF EXISTS note_search;");
        }
    }
}
