using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    incident_id = table.Column<string>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    regime_id = table.Column<string>(type: "TEXT", nullable: true),
                    stage_id = table.Column<string>(type: "TEXT", nullable: true),
                    request_sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    lead_seconds = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_reminders_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reminders_incident_id_subject_due_at_lead_seconds",
                table: "reminders",
                columns: new[] { "incident_id", "subject", "due_at", "lead_seconds" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reminders_raised_at",
                table: "reminders",
                column: "raised_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reminders");
        }
    }
}
