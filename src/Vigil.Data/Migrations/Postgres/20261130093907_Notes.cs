using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Notes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notes",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    tlp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    revisions = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "character varying(36)", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_notes_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    note_id = table.Column<string>(type: "character varying(40)", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(36)", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    content_sha256 = table.Column<string>(type: "text", nullable: false),
                    salt = table.Column<byte[]>(type: "bytea", nullable: false),
                    leaf_index = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_note_revisions_ledger_leaves_leaf_index",
                        column: x => x.leaf_index,
                        principalTable: "ledger_leaves",
                        principalColumn: "index",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_note_revisions_notes_note_id",
                        column: x => x.note_id,
                        principalTable: "notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_note_revisions_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_note_revisions_actor_id",
                table: "note_revisions",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_note_revisions_leaf_index",
                table: "note_revisions",
                column: "leaf_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_note_revisions_note_id_sequence",
                table: "note_revisions",
                columns: new[] { "note_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notes_created_by",
                table: "notes",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_notes_updated_at",
                table: "notes",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_notes_year_number",
                table: "notes",
                columns: new[] { "year", "number" },
                unique: true);

            migrationBuilder.Sql("CREATE TRIGGER note_revisions_refuse_change BEFORE UPDATE OR DELETE ON note_revisions FOR EACH ROW EXECUTE FUNCTION vigil_refuse_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS note_revisions_refuse_change ON note_revisions;");
            migrationBuilder.DropTable(
                name: "note_revisions");

            migrationBuilder.DropTable(
                name: "notes");
        }
    }
}
