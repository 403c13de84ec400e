using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    revisions = table.Column<int>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    note_id = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    content_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    leaf_index = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.Sql("CREATE TRIGGER note_revisions_refuse_update BEFORE UPDATE ON note_revisions BEGIN SELECT RAISE(ABORT, 'note_revisions are immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER note_revisions_refuse_delete BEFORE DELETE ON note_revisions BEGIN SELECT RAISE(ABORT, 'note_revisions are immutable'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS note_revisions_refuse_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS note_revisions_refuse_delete;");
            migrationBuilder.DropTable(
                name: "note_revisions");

            migrationBuilder.DropTable(
                name: "notes");
        }
    }
}
