using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitorDashboard.Storage.Conversions;

namespace MonitorDashboard.Storage.Alarms;

internal sealed class AlarmStateRowConfiguration : IEntityTypeConfiguration<AlarmStateRow>
{
    public void Configure(EntityTypeBuilder<AlarmStateRow> state)
    {
        state.ToTable("AlarmStates");
        state.HasKey(s => new { s.RuleId, s.SeriesId });
        // By name ("Firing"), as stored before the enum conversion. Compared on update: a cycle's save changes only
        // states still as that cycle read them (AlarmStateStore.SaveCycleAsync).
        state.Property(s => s.Status).HasConversion<string>().IsConcurrencyToken();
        state.Property(s => s.Since).StoredAsUnixMilliseconds("SinceMs");
        state.Property(s => s.PendingSince).StoredAsUnixMilliseconds("PendingSinceMs");
        state.Property(s => s.Evaluated).StoredAsUnixMilliseconds("EvaluatedMs");
        state.Property(s => s.Acknowledged).StoredAsUnixMilliseconds("AcknowledgedMs");
        state.HasOne<AlarmRuleRow>().WithMany().HasForeignKey(s => s.RuleId).OnDelete(DeleteBehavior.Cascade);
        state.HasOne<SeriesRow>().WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
