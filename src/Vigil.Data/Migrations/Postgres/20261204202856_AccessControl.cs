using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "disabled_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "password_changed_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "totp_enabled_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "totp_last_step",
                table: "users",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "totp_secret",
                table: "users",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tlp",
                table: "note_revisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "marking",
                table: "collection_indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "released_tlp",
                table: "collection_indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source_tlp",
                table: "collection_indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tlp",
                table: "collection_indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_bootstrap",
                table: "api_tokens",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "api_tokens",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "access_grants",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    object_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    object_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(36)", nullable: true),
                    user_id = table.Column<string>(type: "character varying(36)", nullable: true),
                    granted_by = table.Column<string>(type: "character varying(36)", nullable: true),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_grants_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_access_grants_users_granted_by",
                        column: x => x.granted_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_access_grants_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    media_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(36)", nullable: false),
                    organisation_id = table.Column<string>(type: "text", nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    incident_id = table.Column<string>(type: "character varying(36)", nullable: true),
                    submission_sequence = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_attachments_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attachments_users_uploaded_by",
                        column: x => x.uploaded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "password_resets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(36)", nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    requested_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_password_resets", x => x.id);
                    table.ForeignKey(
                        name: "fk_password_resets_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "publisher_namespaces",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "character varying(1000)", maxLength: 1000, nullable: false),
                    provider_id = table.Column<long>(type: "bigint", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pinned_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_publisher_namespaces", x => x.@namespace);
                    table.ForeignKey(
                        name: "fk_publisher_namespaces_followed_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "followed_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor_id = table.Column<string>(type: "text", nullable: true),
                    actor_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    actor_organisation_id = table.Column<string>(type: "text", nullable: true),
                    object_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    object_id = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    organisation_id = table.Column<string>(type: "text", nullable: true),
                    organisation_may_read = table.Column<bool>(type: "boolean", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    content_sha256 = table.Column<string>(type: "text", nullable: false),
                    salt = table.Column<byte[]>(type: "bytea", nullable: false),
                    leaf_index = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_record_events_ledger_leaves_leaf_index",
                        column: x => x.leaf_index,
                        principalTable: "ledger_leaves",
                        principalColumn: "index",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_throttles",
                columns: table => new
                {
                    account_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    last_failure_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_throttles", x => x.account_key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_granted_by",
                table: "access_grants",
                column: "granted_by");

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_object_kind_object_id",
                table: "access_grants",
                columns: new[] { "object_kind", "object_id" });

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_organisation_id",
                table: "access_grants",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_user_id",
                table: "access_grants",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_incident_id_sha256",
                table: "attachments",
                columns: new[] { "incident_id", "sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_uploaded_by_sha256",
                table: "attachments",
                columns: new[] { "uploaded_by", "sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_code_hash",
                table: "password_resets",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_user_id",
                table: "password_resets",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_publisher_namespaces_provider_id",
                table: "publisher_namespaces",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_record_events_leaf_index",
                table: "record_events",
                column: "leaf_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_record_events_object_kind_object_id",
                table: "record_events",
                columns: new[] { "object_kind", "object_id" });

            migrationBuilder.CreateIndex(
                name: "ix_record_events_organisation_id_received_at",
                table: "record_events",
                columns: new[] { "organisation_id", "received_at" });

            // Existing rows: each revision keeps the label it was published under; indicators get their own and their
            // source's labels; the people named on RED things are those who filed, wrote or imported them.
            migrationBuilder.Sql("ALTER TABLE note_revisions DISABLE TRIGGER note_revisions_refuse_change;");
            migrationBuilder.Sql("UPDATE note_revisions SET tlp = content::jsonb->>'tlp';");
            migrationBuilder.Sql("ALTER TABLE note_revisions ENABLE TRIGGER note_revisions_refuse_change;");
            migrationBuilder.Sql("UPDATE collection_indicators SET marking = (SELECT c.tlp FROM indicator_collections c WHERE c.id = collection_indicators.collection_id);");
            migrationBuilder.Sql("UPDATE collection_indicators SET source_tlp = (SELECT i.tlp FROM incidents i WHERE i.id = collection_indicators.source_incident_id) WHERE source_incident_id IS NOT NULL;");
            migrationBuilder.Sql("UPDATE collection_indicators SET tlp = CASE WHEN source_tlp IS NOT NULL AND (CASE source_tlp WHEN 'CLEAR' THEN 0 WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 WHEN 'AMBER+STRICT' THEN 3 ELSE 4 END) > (CASE marking WHEN 'CLEAR' THEN 0 WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 WHEN 'AMBER+STRICT' THEN 3 ELSE 4 END) THEN source_tlp ELSE marking END;");
            migrationBuilder.Sql("INSERT INTO access_grants (object_kind, object_id, user_id, granted_at) SELECT 'incident', incident_id, actor_id, received_at FROM submissions WHERE sequence = 1;");
            migrationBuilder.Sql("INSERT INTO access_grants (object_kind, object_id, user_id, granted_at) SELECT 'note', id, created_by, created_at FROM notes;");
            migrationBuilder.Sql("INSERT INTO access_grants (object_kind, object_id, user_id, granted_at) SELECT 'advisory', CAST(id AS TEXT), imported_by, imported_at FROM imported_advisories WHERE imported_by IS NOT NULL;");
            migrationBuilder.Sql("CREATE TRIGGER record_events_refuse_change BEFORE UPDATE OR DELETE ON record_events FOR EACH ROW EXECUTE FUNCTION vigil_refuse_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_grants");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "password_resets");

            migrationBuilder.DropTable(
                name: "publisher_namespaces");

            migrationBuilder.DropTable(
                name: "record_events");

            migrationBuilder.DropTable(
                name: "sign_in_throttles");

            migrationBuilder.DropColumn(
                name: "disabled_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "password_changed_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "totp_enabled_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "totp_last_step",
                table: "users");

            migrationBuilder.DropColumn(
                name: "totp_secret",
                table: "users");

            migrationBuilder.DropColumn(
                name: "tlp",
                table: "note_revisions");

            migrationBuilder.DropColumn(
                name: "marking",
                table: "collection_indicators");

            migrationBuilder.DropColumn(
                name: "released_tlp",
                table: "collection_indicators");

            migrationBuilder.DropColumn(
                name: "source_tlp",
                table: "collection_indicators");

            migrationBuilder.DropColumn(
                name: "tlp",
                table: "collection_indicators");

            migrationBuilder.DropColumn(
                name: "is_bootstrap",
                table: "api_tokens");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "api_tokens");
        }
    }
}
