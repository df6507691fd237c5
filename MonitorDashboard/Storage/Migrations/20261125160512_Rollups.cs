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
            // Hand-written: EF has no API for WITHOUT ROWID. Points become one b-tree in (series, time, seq) order
            // instead of a rowid table plus an index; equal milliseconds of a series are numbered by Seq.
            migrationBuilder.Sql("""
                CREATE TABLE "Points_new" (
                    "SeriesId" INTEGER NOT NULL,
                    "TimestampMs" INTEGER NOT NULL,
                    "Seq" INTEGER NOT NULL DEFAULT 0,
                    "Value" REAL NOT NULL,
                    CONSTRAINT "PK_Points" PRIMARY KEY ("SeriesId", "TimestampMs", "Seq"),
                    CONSTRAINT "FK_Points_Series_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "Series" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                INSERT INTO "Points_new" ("SeriesId", "TimestampMs", "Seq", "Value")
                    SELECT "SeriesId", "TimestampMs", ROW_NUMBER() OVER (PARTITION BY "SeriesId", "TimestampMs" ORDER BY "Id") - 1, "Value" FROM "Points";
                DROP TABLE "Points";
                ALTER TABLE "Points_new" RENAME TO "Points";

                CREATE TABLE "Rollups" (
                    "SeriesId" INTEGER NOT NULL,
                    "ResolutionMs" INTEGER NOT NULL,
                    "BucketMs" INTEGER NOT NULL,
                    "Data" BLOB NOT NULL,
                    CONSTRAINT "PK_Rollups" PRIMARY KEY ("SeriesId", "ResolutionMs", "BucketMs"),
                    CONSTRAINT "FK_Rollups_Series_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "Series" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;

                CREATE TABLE "RollupPending" (
                    "SeriesId" INTEGER NOT NULL,
                    "MinuteMs" INTEGER NOT NULL,
                    CONSTRAINT "PK_RollupPending" PRIMARY KEY ("SeriesId", "MinuteMs"),
                    CONSTRAINT "FK_RollupPending_Series_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "Series" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;

                -- Points stored before rollups existed: the writer rolls their minutes up at its first start.
                INSERT INTO "RollupPending" ("SeriesId", "MinuteMs")
                    SELECT DISTINCT "SeriesId", "TimestampMs" - ((("TimestampMs" % 60000) + 60000) % 60000) FROM "Points";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RollupPending");

            migrationBuilder.DropTable(
                name: "Rollups");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Points",
                table: "Points");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "Points");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "Points",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Points",
                table: "Points",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Points_SeriesId_TimestampMs",
                table: "Points",
                columns: new[] { "SeriesId", "TimestampMs" });
        }
    }
}
