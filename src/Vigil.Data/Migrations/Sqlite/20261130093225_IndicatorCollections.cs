using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorCollections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_collections",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    malware_names = table.Column<string>(type: "TEXT", nullable: false),
                    incident_ids = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_collections", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_collections_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collection_indicators",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    collection_id = table.Column<string>(type: "TEXT", nullable: false),
                    stix_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    pattern = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    source_incident_id = table.Column<string>(type: "TEXT", nullable: true),
                    valid_from = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_collection_indicators_incidents_source_incident_id",
                        column: x => x.source_incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_collection_indicators_indicator_collections_collection_id",
                        column: x => x.collection_id,
                        principalTable: "indicator_collections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_collection_indicators_collection_id_pattern",
                table: "collection_indicators",
                columns: new[] { "collection_id", "pattern" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_collection_indicators_collection_id_stix_id",
                table: "collection_indicators",
                columns: new[] { "collection_id", "stix_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_collection_indicators_source_incident_id",
                table: "collection_indicators",
                column: "source_incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_collections_created_by",
                table: "indicator_collections",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_collections_name",
                table: "indicator_collections",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collection_indicators");

            migrationBuilder.DropTable(
                name: "indicator_collections");
        }
    }
}
