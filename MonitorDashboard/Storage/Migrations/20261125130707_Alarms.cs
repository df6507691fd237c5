using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitorDashboard.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Alarms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlarmRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Model = table.Column<string>(type: "TEXT", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<string>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", nullable: true),
                    Metric = table.Column<string>(type: "TEXT", nullable: false),
                    Aggregation = table.Column<string>(type: "TEXT", nullable: false),
                    WindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Comparator = table.Column<string>(type: "TEXT", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    RecoveryThreshold = table.Column<double>(type: "REAL", nullable: true),
                    ForSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    NoData = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MutedUntilMs = table.Column<long>(type: "INTEGER", nullable: true),
                    MuteReason = table.Column<string>(type: "TEXT", nullable: true),
                    WebhookUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastWebhookError = table.Column<string>(type: "TEXT", nullable: true),
                    LastWebhookErrorMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlarmHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<long>(type: "INTEGER", nullable: false),
                    TimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlarmHistory_AlarmRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AlarmRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlarmStates",
                columns: table => new
                {
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    SinceMs = table.Column<long>(type: "INTEGER", nullable: false),
                    PendingSinceMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    EvaluatedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", nullable: true),
                    AcknowledgedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgeComment = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmStates", x => new { x.RuleId, x.SeriesId });
                    table.ForeignKey(
                        name: "FK_AlarmStates_AlarmRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AlarmRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlarmStates_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmHistory_RuleId_TimestampMs",
                table: "AlarmHistory",
                columns: new[] { "RuleId", "TimestampMs" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmStates_SeriesId",
                table: "AlarmStates",
                column: "SeriesId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlarmHistory");

            migrationBuilder.DropTable(
                name: "AlarmStates");

            migrationBuilder.DropTable(
                name: "AlarmRules");
        }
    }
}
