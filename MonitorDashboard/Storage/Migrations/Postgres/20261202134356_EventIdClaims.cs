using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventIdClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventIdClaims",
                columns: table => new
                {
                    Hash = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventIdClaims", x => x.Hash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventIdClaims_ReceivedMs",
                table: "EventIdClaims",
                column: "ReceivedMs")
                .Annotation("Npgsql:IndexMethod", "brin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventIdClaims");
        }
    }
}
