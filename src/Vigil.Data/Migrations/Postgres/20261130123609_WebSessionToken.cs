using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebSessionToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "api_token_id",
                table: "web_sessions",
                type: "character varying(36)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_web_sessions_api_token_id",
                table: "web_sessions",
                column: "api_token_id");

            migrationBuilder.AddForeignKey(
                name: "fk_web_sessions_api_tokens_api_token_id",
                table: "web_sessions",
                column: "api_token_id",
                principalTable: "api_tokens",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_web_sessions_api_tokens_api_token_id",
                table: "web_sessions");

            migrationBuilder.DropIndex(
                name: "ix_web_sessions_api_token_id",
                table: "web_sessions");

            migrationBuilder.DropColumn(
                name: "api_token_id",
                table: "web_sessions");
        }
    }
}
