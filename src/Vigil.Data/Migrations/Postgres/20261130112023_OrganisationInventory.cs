using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisation_inventories",
                columns: table => new
                {
                    organisation_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    component_count = table.Column<int>(type: "integer", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(36)", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_inventories", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_organisation_inventories_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organisation_inventories_users_updated_by",
                        column: x => x.updated_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "web_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    user_id = table.Column<string>(type: "character varying(36)", nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_web_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_web_sessions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inventory_items",
                columns: table => new
                {
                    organisation_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    pointer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    vendor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    purl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cpe = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_items", x => new { x.organisation_id, x.position });
                    table.ForeignKey(
                        name: "fk_inventory_items_organisation_inventories_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisation_inventories",
                        principalColumn: "organisation_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organisation_inventories_updated_by",
                table: "organisation_inventories",
                column: "updated_by");

            migrationBuilder.CreateIndex(
                name: "ix_web_sessions_expires_at",
                table: "web_sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_web_sessions_secret_hash",
                table: "web_sessions",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_web_sessions_user_id",
                table: "web_sessions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_items");

            migrationBuilder.DropTable(
                name: "web_sessions");

            migrationBuilder.DropTable(
                name: "organisation_inventories");
        }
    }
}
