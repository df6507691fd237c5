using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MetricArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchivedMetrics",
                columns: table => new
                {
                    Model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArchivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ArchivedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedMetrics", x => new { x.Model, x.Name });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchivedMetrics");
        }
    }
}
