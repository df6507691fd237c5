using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PointBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Points and EventIds stay: the writer moves their rows into blocks and id batches at its first start
            // (LegacyRowImporter), which needs C# to encode; SQL alone cannot write the block format.
            migrationBuilder.CreateTable(
                name: "EventIdBatches",
                columns: table => new
                {
                    FirstOrdinal = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Hashes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventIdBatches", x => x.FirstOrdinal);
                });

            migrationBuilder.CreateTable(
                name: "PointBlocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowMs = table.Column<long>(type: "INTEGER", nullable: false),
                    StartMs = table.Column<long>(type: "INTEGER", nullable: false),
                    EndMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointBlocks_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointBlocks_SeriesId_WindowMs",
                table: "PointBlocks",
                columns: new[] { "SeriesId", "WindowMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventIdBatches");

            migrationBuilder.DropTable(
                name: "PointBlocks");
        }
    }
}
