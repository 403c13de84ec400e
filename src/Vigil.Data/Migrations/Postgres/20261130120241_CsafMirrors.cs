using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CsafMirrors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_imported_advisories_provider_id",
                table: "imported_advisories");

            migrationBuilder.AddColumn<string>(
                name: "directory_path",
                table: "imported_advisories",
                type: "character varying(1100)",
                maxLength: 1100,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "signature",
                table: "imported_advisories",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mirror_folder",
                table: "followed_providers",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "mirror_on_aggregators",
                table: "followed_providers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "provider_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    provider_id = table.Column<long>(type: "bigint", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_provider_keys_followed_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "followed_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_provider_id_directory_path",
                table: "imported_advisories",
                columns: new[] { "provider_id", "directory_path" });

            migrationBuilder.CreateIndex(
                name: "ix_followed_providers_mirror_folder",
                table: "followed_providers",
                column: "mirror_folder",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_provider_keys_provider_id_fingerprint",
                table: "provider_keys",
                columns: new[] { "provider_id", "fingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "provider_keys");

            migrationBuilder.DropIndex(
                name: "ix_imported_advisories_provider_id_directory_path",
                table: "imported_advisories");

            migrationBuilder.DropIndex(
                name: "ix_followed_providers_mirror_folder",
                table: "followed_providers");

            migrationBuilder.DropColumn(
                name: "directory_path",
                table: "imported_advisories");

            migrationBuilder.DropColumn(
                name: "signature",
                table: "imported_advisories");

            migrationBuilder.DropColumn(
                name: "mirror_folder",
                table: "followed_providers");

            migrationBuilder.DropColumn(
                name: "mirror_on_aggregators",
                table: "followed_providers");

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_provider_id",
                table: "imported_advisories",
                column: "provider_id");
        }
    }
}
