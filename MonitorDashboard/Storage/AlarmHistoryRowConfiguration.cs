using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class AlarmHistoryRowConfiguration : IEntityTypeConfiguration<AlarmHistoryRow>
{
    public void Configure(EntityTypeBuilder<AlarmHistoryRow> history)
    {
        history.ToTable("AlarmHistory");
        history.HasKey(h => h.Id);
        history.HasIndex(h => new { h.RuleId, h.TimestampMs });
        history.HasOne<AlarmRuleRow>().WithMany().HasForeignKey(h => h.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
