using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Storage.Catalog;
using MonitorDashboard.Storage.Deployments;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Storage;

/// <summary>
/// The one database: metrics, and (through Identity) users and roles, API keys and the audit log. This type carries the
/// SQLite migrations; <see cref="Postgres.PostgresMonitorDbContext"/> the same model's PostgreSQL migrations.
/// </summary>
public class MonitorDbContext(DbContextOptions<MonitorDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<SeriesRow> Series => Set<SeriesRow>();
    public DbSet<PointRow> Points => Set<PointRow>();
    public DbSet<EventIdRow> EventIds => Set<EventIdRow>();
    public DbSet<PointBlockRow> PointBlocks => Set<PointBlockRow>();
    public DbSet<EventIdBatchRow> EventIdBatches => Set<EventIdBatchRow>();
    public DbSet<RollupRow> Rollups => Set<RollupRow>();
    public DbSet<RollupPendingRow> RollupPending => Set<RollupPendingRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<AuditEntryRow> AuditLog => Set<AuditEntryRow>();
    public DbSet<AlarmRuleRow> AlarmRules => Set<AlarmRuleRow>();
    public DbSet<AlarmStateRow> AlarmStates => Set<AlarmStateRow>();
    public DbSet<AlarmHistoryRow> AlarmHistory => Set<AlarmHistoryRow>();
    public DbSet<PredictionRow> Predictions => Set<PredictionRow>();
    public DbSet<DeploymentRow> Deployments => Set<DeploymentRow>();
    public DbSet<DeploymentEventRow> DeploymentEvents => Set<DeploymentEventRow>();
    public DbSet<MetricDirectionRow> MetricDirections => Set<MetricDirectionRow>();
    public DbSet<ArchivedMetricRow> ArchivedMetrics => Set<ArchivedMetricRow>();
    public DbSet<ChartOpenRow> ChartOpens => Set<ChartOpenRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);
    }
}
