using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EventIdsWithoutRowid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One B-tree per remembered id instead of two (rowid table plus its primary-key index): the id check is on
            // the hot insert path (docs/benchmarks.md). EF Core cannot express WITHOUT ROWID, so the table is rebuilt by
            // hand; a later migration that rebuilds EventIds must keep the clause.
            migrationBuilder.Sql("""
                CREATE TABLE "EventIds_new" ("Id" TEXT NOT NULL CONSTRAINT "PK_EventIds" PRIMARY KEY, "ReceivedMs" INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO "EventIds_new" ("Id", "ReceivedMs") SELECT "Id", "ReceivedMs" FROM "EventIds";
                DROP TABLE "EventIds";
                ALTER TABLE "EventIds_new" RENAME TO "EventIds";
                CREATE INDEX "IX_EventIds_ReceivedMs" ON "EventIds" ("ReceivedMs");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "EventIds_old" ("Id" TEXT NOT NULL CONSTRAINT "PK_EventIds" PRIMARY KEY, "ReceivedMs" INTEGER NOT NULL);
                INSERT INTO "EventIds_old" ("Id", "ReceivedMs") SELECT "Id", "ReceivedMs" FROM "EventIds";
                DROP TABLE "EventIds";
                ALTER TABLE "EventIds_old" RENAME TO "EventIds";
                CREATE INDEX "IX_EventIds_ReceivedMs" ON "EventIds" ("ReceivedMs");
                """);
        }
    }
}
