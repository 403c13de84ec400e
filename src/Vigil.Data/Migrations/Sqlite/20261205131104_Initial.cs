using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    response_body = table.Column<string>(type: "TEXT", nullable: false),
                    response_content_type = table.Column<string>(type: "TEXT", nullable: true),
                    location = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    job = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last_started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    last_succeeded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    consecutive_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    runs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => x.job);
                });

            migrationBuilder.CreateTable(
                name: "ledger_checkpoints",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    root_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_checkpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_leaves",
                columns: table => new
                {
                    index = table.Column<long>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    leaf_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_leaves", x => x.index);
                });

            migrationBuilder.CreateTable(
                name: "ledger_nodes",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_nodes", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "ledger_states",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_states", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    sector = table.Column<string>(type: "TEXT", nullable: false),
                    country = table.Column<string>(type: "TEXT", nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", nullable: false),
                    contact_role = table.Column<string>(type: "TEXT", nullable: true),
                    contact_email = table.Column<string>(type: "TEXT", nullable: false),
                    contact_phone = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    open_pgp_public_key = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    destination = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    subscription_id = table.Column<long>(type: "INTEGER", nullable: true),
                    locale = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    digest = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    digested_into = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_throttles",
                columns: table => new
                {
                    account_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    last_failure_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_throttles", x => x.account_key);
                });

            migrationBuilder.CreateTable(
                name: "witness_cosignatures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    checkpoint_id = table.Column<long>(type: "INTEGER", nullable: false),
                    witness = table.Column<string>(type: "TEXT", nullable: false),
                    line = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_witness_cosignatures", x => x.id);
                    table.ForeignKey(
                        name: "fk_witness_cosignatures_ledger_checkpoints_checkpoint_id",
                        column: x => x.checkpoint_id,
                        principalTable: "ledger_checkpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", nullable: true),
                    actor_role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    actor_organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    object_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    object_id = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    organisation_may_read = table.Column<bool>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    content_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    leaf_index = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    email = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    disabled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    password_changed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    totp_secret = table.Column<byte[]>(type: "BLOB", nullable: true),
                    totp_enabled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    culture = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    totp_last_step = table.Column<long>(type: "INTEGER", nullable: true),
                    open_pgp_public_key = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    sealed_secret = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sealed_previous_secret = table.Column<byte[]>(type: "BLOB", nullable: true),
                    previous_secret_until = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_endpoints", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_endpoints_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outbox_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    duration_milliseconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_attempts_outbox_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "outbox_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "access_grants",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    object_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    object_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    granted_by = table.Column<string>(type: "TEXT", nullable: true),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", nullable: false),
                    prefix = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    is_bootstrap = table.Column<bool>(type: "INTEGER", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    from_sign_in = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                    mirror_on_aggregators = table.Column<bool>(type: "INTEGER", nullable: false),
                    mirror_folder = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
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

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    tlp = table.Column<string>(type: "TEXT", nullable: false),
                    assignee_id = table.Column<string>(type: "TEXT", nullable: true),
                    detected_at = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    view = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                    table.ForeignKey(
                        name: "fk_incidents_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incidents_users_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "organisation_inventories",
                columns: table => new
                {
                    organisation_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    component_count = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "password_resets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "saved_filters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_filters", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_filters_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    destination = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    digest = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscriptions_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subscriptions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "web_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    api_token_id = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_web_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_web_sessions_api_tokens_api_token_id",
                        column: x => x.api_token_id,
                        principalTable: "api_tokens",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_web_sessions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                    imported_by = table.Column<string>(type: "TEXT", nullable: true),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    provider_id = table.Column<long>(type: "INTEGER", nullable: true),
                    source_url = table.Column<string>(type: "TEXT", nullable: true),
                    signature = table.Column<byte[]>(type: "BLOB", nullable: true),
                    directory_path = table.Column<string>(type: "TEXT", maxLength: 1100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_advisories", x => x.id);
                    table.ForeignKey(
                        name: "fk_imported_advisories_followed_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "followed_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_imported_advisories_users_imported_by",
                        column: x => x.imported_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "provider_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    provider_id = table.Column<long>(type: "INTEGER", nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    fetched_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "publisher_namespaces",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "TEXT", maxLength: 1000, nullable: false),
                    provider_id = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    pinned_by = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    incident_id = table.Column<string>(type: "TEXT", nullable: true),
                    submission_sequence = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "inbound_messages",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    transport = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    envelope_from = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    envelope_to = table.Column<string>(type: "TEXT", nullable: false),
                    header_from = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    in_reply_to = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    references = table.Column<string>(type: "TEXT", nullable: true),
                    raw_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    raw_size = table.Column<long>(type: "INTEGER", nullable: false),
                    body_text = table.Column<string>(type: "TEXT", nullable: false),
                    encrypted = table.Column<bool>(type: "INTEGER", nullable: false),
                    decrypted = table.Column<bool>(type: "INTEGER", nullable: false),
                    signature_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    matched_by = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    replies_to_incident_id = table.Column<string>(type: "TEXT", nullable: true),
                    arrival_leaf_index = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    incident_id = table.Column<string>(type: "TEXT", nullable: true),
                    submission_sequence = table.Column<int>(type: "INTEGER", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    incident_id = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", nullable: false),
                    actor_role = table.Column<string>(type: "TEXT", nullable: false),
                    actor_organisation_id = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    content_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    leaf_index = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_submissions_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_submissions_ledger_leaves_leaf_index",
                        column: x => x.leaf_index,
                        principalTable: "ledger_leaves",
                        principalColumn: "index",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_submissions_users_actor_id",
                        column: x => x.actor_id,
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
                    marking = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source_tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    released_tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
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
                    tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
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

            migrationBuilder.CreateTable(
                name: "inventory_items",
                columns: table => new
                {
                    organisation_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    pointer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    vendor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    version = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    purl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    cpe = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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

            migrationBuilder.InsertData(
                table: "ledger_states",
                columns: new[] { "id", "size" },
                values: new object[] { 1, 0L });

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
                name: "ix_api_tokens_token_hash",
                table: "api_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_user_id",
                table: "api_tokens",
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
                name: "ix_followed_providers_added_by",
                table: "followed_providers",
                column: "added_by");

            migrationBuilder.CreateIndex(
                name: "ix_followed_providers_metadata_url",
                table: "followed_providers",
                column: "metadata_url",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_followed_providers_mirror_folder",
                table: "followed_providers",
                column: "mirror_folder",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_user_id_key",
                table: "idempotency_records",
                columns: new[] { "user_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_imported_at",
                table: "imported_advisories",
                column: "imported_at");

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_imported_by",
                table: "imported_advisories",
                column: "imported_by");

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_provider_id_directory_path",
                table: "imported_advisories",
                columns: new[] { "provider_id", "directory_path" });

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_publisher_namespace_tracking_id",
                table: "imported_advisories",
                columns: new[] { "publisher_namespace", "tracking_id" });

            migrationBuilder.CreateIndex(
                name: "ix_imported_advisories_sha256",
                table: "imported_advisories",
                column: "sha256",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_incidents_assignee_id",
                table: "incidents",
                column: "assignee_id");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_organisation_id_received_at",
                table: "incidents",
                columns: new[] { "organisation_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_received_at",
                table: "incidents",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_status",
                table: "incidents",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_collections_created_by",
                table: "indicator_collections",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_collections_name",
                table: "indicator_collections",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_checkpoints_tree_size",
                table: "ledger_checkpoints",
                column: "tree_size");

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

            migrationBuilder.CreateIndex(
                name: "ix_organisation_inventories_updated_by",
                table: "organisation_inventories",
                column: "updated_by");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name",
                table: "organisations",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_attempts_message_id_at",
                table: "outbox_attempts",
                columns: new[] { "message_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_event_id_channel_destination",
                table: "outbox_messages",
                columns: new[] { "event_id", "channel", "destination" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_organisation_id_created_at",
                table: "outbox_messages",
                columns: new[] { "organisation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_state_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_user_id_created_at",
                table: "outbox_messages",
                columns: new[] { "user_id", "created_at" });

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
                name: "ix_provider_keys_provider_id_fingerprint",
                table: "provider_keys",
                columns: new[] { "provider_id", "fingerprint" },
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

            migrationBuilder.CreateIndex(
                name: "ix_reminders_incident_id_subject_due_at_lead_seconds",
                table: "reminders",
                columns: new[] { "incident_id", "subject", "due_at", "lead_seconds" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reminders_raised_at",
                table: "reminders",
                column: "raised_at");

            migrationBuilder.CreateIndex(
                name: "ix_saved_filters_user_id_name",
                table: "saved_filters",
                columns: new[] { "user_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_submissions_actor_id",
                table: "submissions",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_incident_id_sequence",
                table: "submissions",
                columns: new[] { "incident_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_submissions_leaf_index",
                table: "submissions",
                column: "leaf_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_organisation_id_event_type",
                table: "subscriptions",
                columns: new[] { "organisation_id", "event_type" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_user_id_event_type",
                table: "subscriptions",
                columns: new[] { "user_id", "event_type" });

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_organisation_id",
                table: "users",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_web_sessions_api_token_id",
                table: "web_sessions",
                column: "api_token_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_organisation_id",
                table: "webhook_endpoints",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_witness_cosignatures_checkpoint_id_witness",
                table: "witness_cosignatures",
                columns: new[] { "checkpoint_id", "witness" },
                unique: true);

            SqliteSchemaRules.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqliteSchemaRules.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "access_grants");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "collection_indicators");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbound_messages");

            migrationBuilder.DropTable(
                name: "inventory_items");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "ledger_nodes");

            migrationBuilder.DropTable(
                name: "ledger_states");

            migrationBuilder.DropTable(
                name: "note_revisions");

            migrationBuilder.DropTable(
                name: "outbox_attempts");

            migrationBuilder.DropTable(
                name: "password_resets");

            migrationBuilder.DropTable(
                name: "provider_keys");

            migrationBuilder.DropTable(
                name: "provider_run_entries");

            migrationBuilder.DropTable(
                name: "publisher_namespaces");

            migrationBuilder.DropTable(
                name: "record_events");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropTable(
                name: "saved_filters");

            migrationBuilder.DropTable(
                name: "sign_in_throttles");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "web_sessions");

            migrationBuilder.DropTable(
                name: "webhook_endpoints");

            migrationBuilder.DropTable(
                name: "witness_cosignatures");

            migrationBuilder.DropTable(
                name: "indicator_collections");

            migrationBuilder.DropTable(
                name: "organisation_inventories");

            migrationBuilder.DropTable(
                name: "notes");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "imported_advisories");

            migrationBuilder.DropTable(
                name: "provider_runs");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "ledger_leaves");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "ledger_checkpoints");

            migrationBuilder.DropTable(
                name: "followed_providers");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
