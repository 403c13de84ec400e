using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdvisorySources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "followed_providers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    metadata_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    added_by = table.Column<string>(type: "TEXT", nullable: true),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false),
                    publisher_name = table.Column<string>(type: "TEXT", nullable: true),
                    publisher_namespace = table.Column<string>(type: "TEXT", nullable: true),
                    publisher_category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    metadata_last_updated = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    list_on_aggregators = table.Column<bool>(type: "INTEGER", nullable: false),
                    listed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followed_providers", x => x.id);
                    table.ForeignKey(
                        name: "fk_followed_providers_users_added_by",
                        column: x => x.added_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            // The column and its foreign key in one ALTER TABLE: added separately, SQLite would rebuild the table with
            // foreign keys switched off, which cannot run inside the migration's transaction (EF Core warning 20410).
            migrationBuilder.Sql("ALTER TABLE \"imported_advisories\" ADD COLUMN \"provider_id\" INTEGER NULL "
                + "CONSTRAINT \"fk_imported_advisories_followed_providers_provider_id\" REFERENCES \"followed_providers\" (\"id\") ON DELETE RESTRICT;");

            migrationBuilder.AddColumn<string>(
                name: "source_url",
                table: "imported_advisories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "provider_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    provider_id = table.Column<long>(type: "INTEGER", nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    refused = table.Column<int>(type: "INTEGER", nullable: false),
                    skipped = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_provider_runs_followed_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "followed_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_provider_runs_users_requested_by",
                        column: x => x.requested_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "provider_run_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    url = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    advisory_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_run_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_provider_run_entries_imported_advisories_advisory_id",
                        column: x => x.advisory_id,
                        principalTable: "imported_advisories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_provider_run_entries_provider_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "provider_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_provider_id",
                table: "imported_advisories",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_followed_providers_added_by",
                table: "followed_providers",
                column: "added_by");

            migrationBuilder.CreateIndex(
                name: "ix_followed_providers_metadata_url",
                table: "followed_providers",
                column: "metadata_url",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_provider_run_entries_advisory_id",
                table: "provider_run_entries",
                column: "advisory_id");

            migrationBuilder.CreateIndex(
                name: "ix_provider_run_entries_run_id",
                table: "provider_run_entries",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_provider_runs_provider_id_started_at",
                table: "provider_runs",
                columns: new[] { "provider_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_provider_runs_requested_by",
                table: "provider_runs",
                column: "requested_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_imported_advisories_followed_providers_provider_id",
                table: "imported_advisories");

            migrationBuilder.DropTable(
                name: "provider_run_entries");

            migrationBuilder.DropTable(
                name: "provider_runs");

            migrationBuilder.DropTable(
                name: "followed_providers");

            migrationBuilder.DropIndex(
                name: "ix_imported_advisories_provider_id",
                table: "imported_advisories");

            migrationBuilder.DropColumn(
                name: "provider_id",
                table: "imported_advisories");

            migrationBuilder.DropColumn(
                name: "source_url",
                table: "imported_advisories");
        }
    }
}
