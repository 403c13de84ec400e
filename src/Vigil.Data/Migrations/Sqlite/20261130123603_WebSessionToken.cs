using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebSessionToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The column and its foreign key in one ALTER TABLE: added separately, SQLite would rebuild the table with
            // foreign keys switched off, which cannot run inside the migration's transaction (EF Core warning 20410).
            migrationBuilder.Sql("ALTER TABLE \"web_sessions\" ADD COLUMN \"api_token_id\" TEXT NULL "
                + "CONSTRAINT \"fk_web_sessions_api_tokens_api_token_id\" REFERENCES \"api_tokens\" (\"id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "ix_web_sessions_api_token_id",
                table: "web_sessions",
                column: "api_token_id");
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
