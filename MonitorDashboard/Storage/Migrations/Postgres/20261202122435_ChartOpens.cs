using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations.Postgres
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
                    Model = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DayMs = table.Column<long>(type: "bigint", nullable: false),
                    Opens = table.Column<long>(type: "bigint", nullable: false)
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
