using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class AlarmStateRowConfiguration : IEntityTypeConfiguration<AlarmStateRow>
{
    public void Configure(EntityTypeBuilder<AlarmStateRow> state)
    {
        state.ToTable("AlarmStates");
        state.HasKey(s => new { s.RuleId, s.SeriesId });
        state.HasOne<AlarmRuleRow>().WithMany().HasForeignKey(s => s.RuleId).OnDelete(DeleteBehavior.Cascade);
        state.HasOne<SeriesRow>().WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
