using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitorDashboard.Storage.Conversions;

namespace MonitorDashboard.Storage.Alarms;

internal sealed class AlarmHistoryRowConfiguration : IEntityTypeConfiguration<AlarmHistoryRow>
{
    public void Configure(EntityTypeBuilder<AlarmHistoryRow> history)
    {
        history.ToTable("AlarmHistory");
        history.HasKey(h => h.Id);
        history.Property(h => h.Timestamp).StoredAsUnixMilliseconds("TimestampMs");
        history.Property(h => h.FromStatus).HasConversion<string>();
        history.Property(h => h.ToStatus).HasConversion<string>();
        history.HasIndex(h => new { h.RuleId, h.Timestamp });
        history.HasIndex(h => new { h.WebhookPending, h.Id });
        history.HasOne<AlarmRuleRow>().WithMany().HasForeignKey(h => h.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
