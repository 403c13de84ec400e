using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    tracking_id = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    publisher_name = table.Column<string>(type: "text", nullable: false),
                    publisher_namespace = table.Column<string>(type: "text", nullable: false),
                    publisher_category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tlp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    current_release_date = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    imported_by = table.Column<string>(type: "character varying(36)", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
