using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RollupProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastPointId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupProgress", x => x.Id);
                });

            // WITHOUT ROWID (EF has no API for it): rows live in key order in one b-tree, with no separate key index.
            migrationBuilder.Sql("""
                CREATE TABLE "Rollups" (
                    "SeriesId" INTEGER NOT NULL,
                    "ResolutionMs" INTEGER NOT NULL,
                    "BucketMs" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    "Sum" REAL NOT NULL,
                    "Min" REAL NOT NULL,
                    "Max" REAL NOT NULL,
                    "Last" REAL NOT NULL,
                    "LastMs" INTEGER NOT NULL,
                    "Sketch" BLOB NOT NULL,
                    CONSTRAINT "PK_Rollups" PRIMARY KEY ("SeriesId", "ResolutionMs", "BucketMs"),
                    CONSTRAINT "FK_Rollups_Series_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "Series" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);

            migrationBuilder.InsertData(
                table: "RollupProgress",
                columns: new[] { "Id", "LastPointId" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RollupProgress");

            migrationBuilder.DropTable(
                name: "Rollups");
        }
    }
}
