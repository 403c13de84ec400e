using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboundMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_messages",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    transport = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    envelope_from = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    envelope_to = table.Column<string>(type: "text", nullable: false),
                    header_from = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    message_id = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    in_reply_to = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    references = table.Column<string>(type: "text", nullable: true),
                    raw_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    raw_size = table.Column<long>(type: "bigint", nullable: false),
                    body_text = table.Column<string>(type: "text", nullable: false),
                    encrypted = table.Column<bool>(type: "boolean", nullable: false),
                    decrypted = table.Column<bool>(type: "boolean", nullable: false),
                    signature_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(36)", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    matched_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    replies_to_incident_id = table.Column<string>(type: "text", nullable: true),
                    arrival_leaf_index = table.Column<long>(type: "bigint", nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    incident_id = table.Column<string>(type: "character varying(36)", nullable: true),
                    submission_sequence = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_inbound_messages_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inbound_messages_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_incident_id",
                table: "inbound_messages",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_message_id",
                table: "inbound_messages",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_organisation_id",
                table: "inbound_messages",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_raw_sha256",
                table: "inbound_messages",
                column: "raw_sha256");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_state_received_at",
                table: "inbound_messages",
                columns: new[] { "state", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_messages");
        }
    }
}
