using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportedAdvisories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "imported_advisories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    tracking_id = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    publisher_name = table.Column<string>(type: "TEXT", nullable: false),
                    publisher_namespace = table.Column<string>(type: "TEXT", nullable: false),
                    publisher_category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    current_release_date = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    // Nullable from the start (an advisory a followed provider brought in has no importer): made
                    // nullable later, SQLite would rebuild the table with foreign keys off, outside any transaction.
                    imported_by = table.Column<string>(type: "TEXT", nullable: true),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_advisories", x => x.id);
                    table.ForeignKey(
                        name: "fk_imported_advisories_users_imported_by",
                        column: x => x.imported_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_imported_at",
                table: "imported_advisories",
                column: "imported_at");

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_imported_by",
                table: "imported_advisories",
                column: "imported_by");

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_publisher_namespace_tracking_id",
                table: "imported_advisories",
                columns: new[] { "publisher_namespace", "tracking_id" });

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_sha256",
                table: "imported_advisories",
                column: "sha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imported_advisories");
        }
    }
}
