using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ChartOpens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChartOpens",
                columns: table => new
                {
                    Model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DayMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Opens = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChartOpens", x => new { x.Model, x.Name, x.DayMs });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChartOpens");
        }
    }
}
