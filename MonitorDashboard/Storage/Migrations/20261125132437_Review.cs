using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Predictions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", nullable: true),
                    TimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    InputJson = table.Column<string>(type: "TEXT", nullable: false),
                    ProductionJson = table.Column<string>(type: "TEXT", nullable: false),
                    ProductionSource = table.Column<string>(type: "TEXT", nullable: false),
                    ProductionVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ShadowJson = table.Column<string>(type: "TEXT", nullable: false),
                    ShadowVersion = table.Column<string>(type: "TEXT", nullable: false),
                    ShadowConfidence = table.Column<double>(type: "REAL", nullable: true),
                    Agrees = table.Column<bool>(type: "INTEGER", nullable: false),
                    InQueue = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseExpiresMs = table.Column<long>(type: "INTEGER", nullable: true),
                    SkippedUntilMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", nullable: true),
                    CorrectedJson = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    LabelledBy = table.Column<string>(type: "TEXT", nullable: true),
                    LabelledMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Predictions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Predictions_InQueue_Verdict_Model",
                table: "Predictions",
                columns: new[] { "InQueue", "Verdict", "Model" });

            migrationBuilder.CreateIndex(
                name: "IX_Predictions_Model_ClientId",
                table: "Predictions",
                columns: new[] { "Model", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Predictions_Model_TimestampMs",
                table: "Predictions",
                columns: new[] { "Model", "TimestampMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Predictions");
        }
    }
}
