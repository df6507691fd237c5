using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlarmWebhookOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WebhookPending",
                table: "AlarmHistory",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_AlarmHistory_WebhookPending_Id",
                table: "AlarmHistory",
                columns: new[] { "WebhookPending", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AlarmHistory_WebhookPending_Id",
                table: "AlarmHistory");

            migrationBuilder.DropColumn(
                name: "WebhookPending",
                table: "AlarmHistory");
        }
    }
}
